using CallCenter.Core.Data;
using CallCenter.Core.Domain;
using CallCenter.Core.Services.Recordings;

using Microsoft.EntityFrameworkCore;

namespace CallCenter.Core.Services.Customers;

/// <summary>
/// Whether a viewer may play a recording, decided the way <see cref="RecordingPlaybackService"/> decides it
/// (shift leaders and above: any; an agent: those whose Recording.AgentId is its own agent; nobody else), so
/// that a page offers a player only where the endpoint will stream. The endpoint still checks on every request:
/// this is what to show, not the protection. A test holds the two rules together.
/// </summary>
internal sealed class RecordingVisibility
{
    private static readonly string[] AnyRecordingRoles = [Roles.ShiftLeader, Roles.Supervisor, Roles.Manager, Roles.Admin];

    private readonly bool _any;
    private readonly IReadOnlySet<Guid> _ownAgents;

    private RecordingVisibility(bool any, IReadOnlySet<Guid> ownAgents)
    {
        _any = any;
        _ownAgents = ownAgents;
    }

    /// <summary>Reads what the rule needs about <paramref name="viewer"/> (its agents) once.</summary>
    public static async Task<RecordingVisibility> ForAsync(CallCenterDbContext db, RecordingViewer? viewer, CancellationToken cancellationToken)
    {
        if (viewer is null)
        {
            return new RecordingVisibility(false, new HashSet<Guid>());
        }
        var any = viewer.Roles.Any(r => AnyRecordingRoles.Contains(r, StringComparer.Ordinal));
        var ownAgents = new HashSet<Guid>();
        if (!any && viewer.UserId is { } userId && viewer.Roles.Contains(Roles.Agent, StringComparer.Ordinal))
        {
            ownAgents.UnionWith(await db.Agents.AsNoTracking().Where(a => a.UserId == userId).Select(a => a.Id)
                .ToListAsync(cancellationToken).ConfigureAwait(false));
        }
        return new RecordingVisibility(any, ownAgents);
    }

    /// <summary>May the viewer play a recording taken by the agent <paramref name="recordingAgentId"/>?</summary>
    public bool CanPlay(Guid? recordingId, Guid? recordingAgentId) =>
        recordingId is not null && (_any || (recordingAgentId is { } agentId && _ownAgents.Contains(agentId)));
}
