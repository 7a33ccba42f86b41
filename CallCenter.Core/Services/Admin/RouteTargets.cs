using CallCenter.Core.Data;
using CallCenter.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Core.Services.Admin;

/// <summary>Checks the key of a route target (dialled number or queue overflow) against what exists.</summary>
internal static class RouteTargets
{
    /// <summary>Types whose target is a key that must name an existing queue, extension or IVR flow.</summary>
    public static bool NeedsTarget(RouteTargetType type) =>
        type is RouteTargetType.Queue or RouteTargetType.Extension or RouteTargetType.IvrFlow;

    /// <summary>An error code for the target, or null when it is fine.</summary>
    public static async Task<string?> CheckAsync(CallCenterDbContext db, RouteTargetType type, string? target, CancellationToken cancellationToken)
    {
        if (!NeedsTarget(type))
        {
            return null;
        }
        var key = target?.Trim();
        if (string.IsNullOrEmpty(key))
        {
            return AdminErrorCodes.TargetRequired;
        }
        var exists = type switch
        {
            RouteTargetType.Queue => await db.Queues.AnyAsync(q => q.Name == key, cancellationToken).ConfigureAwait(false),
            RouteTargetType.Extension => await db.Agents.AnyAsync(a => a.Extension == key && a.IsActive, cancellationToken).ConfigureAwait(false),
            RouteTargetType.IvrFlow => await db.IvrFlows.AnyAsync(f => f.Name == key, cancellationToken).ConfigureAwait(false),
            _ => true,
        };
        return exists ? null : AdminErrorCodes.TargetNotFound;
    }

    /// <summary>Stored form of a target: trimmed, and none for types that take none.</summary>
    public static string? Normalize(RouteTargetType type, string? target) =>
        NeedsTarget(type) ? target?.Trim() : (string.IsNullOrWhiteSpace(target) ? null : target.Trim());
}
