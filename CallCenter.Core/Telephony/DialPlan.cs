using System.Collections.Frozen;

using CallCenter.Core.Data;
using CallCenter.Core.Domain;
using CallCenter.Telephony.Routing;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CallCenter.Core.Telephony;

/// <summary>
/// The <see cref="IDialPlan"/> port over the DialledNumbers and Agents tables. Every configured number
/// and every active agent's extension are held in one snapshot (<see cref="Ttl"/>, stale-while-reloading,
/// <see cref="Invalidate"/> after an admin change), so routing an INVITE costs no query. Order: a
/// configured number, else an active agent's extension, else, for a call placed by an agent, an outside
/// number through the trunk its prefix selects (<see cref="ITrunkDirectory"/>), else not found.
/// </summary>
public sealed partial class DialPlan : IDialPlan
{
    /// <summary>How long a snapshot is served before it is reloaded.</summary>
    public static readonly TimeSpan Ttl = TimeSpan.FromSeconds(10);

    private readonly IDbContextFactory<CallCenterDbContext> _contextFactory;
    private readonly ITrunkDirectory _trunks;
    private readonly CachedSnapshot<Snapshot> _snapshot;

    /// <summary>Creates the dial plan; nothing is loaded until the first call.</summary>
    public DialPlan(
        IDbContextFactory<CallCenterDbContext> contextFactory,
        ITrunkDirectory trunks,
        TimeProvider timeProvider,
        ILogger<DialPlan> logger)
    {
        _contextFactory = contextFactory;
        _trunks = trunks;
        _snapshot = new CachedSnapshot<Snapshot>(LoadAsync, timeProvider, Ttl, ex => LogReloadFailed(logger, ex));
    }

    /// <inheritdoc />
    public async ValueTask<RouteTarget> ResolveAsync(DialRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var snapshot = await _snapshot.GetAsync(cancellationToken).ConfigureAwait(false);
        if (snapshot.Numbers.TryGetValue(request.DialledNumber, out var target))
        {
            return target;
        }
        if (snapshot.Extensions.Contains(request.DialledNumber))
        {
            return new RouteTarget(RouteTargetKind.Extension, request.DialledNumber);
        }
        if (request.CallerExtension is not null)
        {
            var trunk = await _trunks.SelectOutboundAsync(request.DialledNumber, cancellationToken).ConfigureAwait(false);
            if (trunk is not null)
            {
                var number = request.DialledNumber[(trunk.OutboundPrefix?.Length ?? 0)..];
                return new RouteTarget(RouteTargetKind.Trunk, number, trunk.Name, trunk);
            }
        }
        return RouteTarget.NotFound;
    }


    /// <summary>Drops the snapshot: the next INVITE reloads (call after changing numbers or agents).</summary>
    public void Invalidate() => _snapshot.Invalidate();

    private async Task<Snapshot> LoadAsync(CancellationToken cancellationToken)
    {
        var db = await _contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var numbers = await db.DialledNumbers.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
            var extensions = await db.Agents.AsNoTracking()
                .Where(a => a.IsActive && a.Extension != "")
                .Select(a => a.Extension)
                .ToListAsync(cancellationToken)
                .ConfigureAwait(false);
            return new Snapshot(
                numbers.ToFrozenDictionary(n => n.Number, ToTarget, StringComparer.Ordinal),
                extensions.ToFrozenSet(StringComparer.Ordinal));
        }
    }

    private static RouteTarget ToTarget(DialledNumber number)
    {
        var kind = number.TargetType switch
        {
            RouteTargetType.IvrFlow => RouteTargetKind.IvrFlow,
            RouteTargetType.Queue => RouteTargetKind.Queue,
            RouteTargetType.Extension => RouteTargetKind.Extension,
            RouteTargetType.EchoTest => RouteTargetKind.EchoTest,
            RouteTargetType.Voicemail => RouteTargetKind.Voicemail,
            RouteTargetType.InfoService => RouteTargetKind.InfoService,
            RouteTargetType.Hangup => RouteTargetKind.Hangup,
            _ => RouteTargetKind.NotFound,
        };
        return new RouteTarget(kind, string.IsNullOrEmpty(number.Target) ? null : number.Target, number.Description);
    }

    [LoggerMessage(EventId = 3211, Level = LogLevel.Error, Message = "Reloading the dial plan failed; the previous snapshot stays in use")]
    private static partial void LogReloadFailed(ILogger logger, Exception exception);

    private sealed record Snapshot(FrozenDictionary<string, RouteTarget> Numbers, FrozenSet<string> Extensions);
}
