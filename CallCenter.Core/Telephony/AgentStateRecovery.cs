using CallCenter.Core.Data;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CallCenter.Core.Telephony;

/// <summary>
/// Start-up recovery of agent-state intervals: an interval with no EndedAt was current when the process stopped,
/// and no state change will ever end it. Run with the call record recovery, before the listeners start.
/// </summary>
public sealed partial class AgentStateRecovery(
    IDbContextFactory<CallCenterDbContext> contextFactory,
    ILogger<AgentStateRecovery> logger)
{
    /// <summary>Closes every open interval; returns how many were closed.</summary>
    public async Task<int> RecoverAsync(CancellationToken cancellationToken)
    {
        var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var open = await db.AgentStateIntervals.Where(i => i.EndedAt == null).ToListAsync(cancellationToken).ConfigureAwait(false);
            if (open.Count == 0)
            {
                return 0;
            }
            // Nothing records when the process died. The agents were certainly in these states until the last moment
            // the process is known to have been alive: the latest call offered or ended, the latest interval started or
            // ended. Closing at restart time instead would credit agents with hours of Ready or Talking across an
            // outage they were not in; closing at each interval's own start would erase real time. A state is never
            // closed before its own start.
            var lastAlive = await LastKnownAliveAsync(db, cancellationToken).ConfigureAwait(false);
            foreach (var interval in open)
            {
                interval.EndedAt = lastAlive is { } at && at > interval.StartedAt ? at : interval.StartedAt;
            }
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            LogClosed(logger, open.Count, lastAlive);
            return open.Count;
        }
    }

    // Four top-1 queries ordered by one column each (ordering rather than MAX, because SQLite stores the instants
    // as ticks through a value converter, and ORDER BY on them is what EF translates on both providers). Calls.OfferedAt
    // is indexed; the others may scan their table once, at start-up only.
    private static async Task<DateTimeOffset?> LastKnownAliveAsync(CallCenterDbContext db, CancellationToken cancellationToken)
    {
        var candidates = new[]
        {
            await db.Calls.OrderByDescending(c => c.OfferedAt).Select(c => (DateTimeOffset?)c.OfferedAt)
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false),
            await db.Calls.Where(c => c.EndedAt != null).OrderByDescending(c => c.EndedAt).Select(c => c.EndedAt)
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false),
            await db.AgentStateIntervals.OrderByDescending(i => i.StartedAt).Select(i => (DateTimeOffset?)i.StartedAt)
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false),
            await db.AgentStateIntervals.Where(i => i.EndedAt != null).OrderByDescending(i => i.EndedAt).Select(i => i.EndedAt)
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false),
        };
        return candidates.Where(c => c is not null).DefaultIfEmpty(null).Max();
    }

    [LoggerMessage(EventId = 3313, Level = LogLevel.Warning, Message = "{Count} agent-state intervals left open by the previous run were closed at {LastAlive}")]
    private static partial void LogClosed(ILogger logger, int count, DateTimeOffset? lastAlive);
}
