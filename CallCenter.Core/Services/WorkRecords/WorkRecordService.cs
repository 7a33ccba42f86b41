using CallCenter.Core.Data;
using CallCenter.Core.Domain;
using CallCenter.Core.Services.Admin;

using Microsoft.EntityFrameworkCore;

namespace CallCenter.Core.Services.WorkRecords;

/// <summary>
/// 工作记录: what an agent did on one day of the call center's local calendar (<see cref="TimeProvider.LocalTimeZone"/>):
/// calls, state intervals, service records and their totals. An agent sees only its own; shift leaders,
/// supervisors, managers and admins any agent's. The rule is enforced here, not only by the page.
/// </summary>
public sealed partial class WorkRecordService(IDbContextFactory<CallCenterDbContext> contextFactory, TimeProvider clock)
{
    /// <summary>The agent's records for <paramref name="date"/>, when <paramref name="viewer"/> may see them.</summary>
    public async Task<WorkRecordResult> ForAgentDayAsync(Guid agentId, DateOnly date, WorkRecordViewer viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var zone = clock.LocalTimeZone;
        var start = LocalMidnight(date, zone);
        var end = LocalMidnight(date.AddDays(1), zone);
        var now = clock.GetUtcNow();

        var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var agent = await db.Agents.AsNoTracking().Where(a => a.Id == agentId)
                .Select(a => new { a.Id, a.Name, a.WorkNumber, a.Extension, a.UserId })
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (agent is null)
            {
                // An agent must not learn which ids exist: it is refused alike.
                return new WorkRecordResult(viewer.MaySeeAnyAgent ? WorkRecordAccess.NotFound : WorkRecordAccess.Forbidden, null);
            }
            var ownRecords = agent.UserId == viewer.UserId && viewer.Roles.Contains(Roles.Agent);
            if (!viewer.MaySeeAnyAgent && !ownRecords)
            {
                return new WorkRecordResult(WorkRecordAccess.Forbidden, null);
            }

            var calls = await LoadCallsAsync(db, agentId, start, end, zone, cancellationToken).ConfigureAwait(false);
            var intervals = await LoadIntervalsAsync(db, agentId, start, end, now, zone, cancellationToken).ConfigureAwait(false);
            var records = await LoadServiceRecordsAsync(db, agentId, start, end, zone, cancellationToken).ConfigureAwait(false);
            var day = new WorkDay(agent.Id, agent.Name, agent.WorkNumber, agent.Extension, date, calls, intervals, records, Summarise(calls, intervals));
            return new WorkRecordResult(WorkRecordAccess.Granted, day);
        }
    }

    /// <summary>
    /// The agents <paramref name="viewer"/> may pick: every active agent for shift leaders and above, its own
    /// agent for an agent, none for others.
    /// </summary>
    public async Task<IReadOnlyList<AgentOption>> ListAgentsAsync(WorkRecordViewer viewer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var agents = db.Agents.AsNoTracking();
            if (!viewer.MaySeeAnyAgent)
            {
                if (!viewer.Roles.Contains(Roles.Agent))
                {
                    return [];
                }
                agents = agents.Where(a => a.UserId == viewer.UserId);
            }
            else
            {
                agents = agents.Where(a => a.IsActive);
            }
            return await agents.OrderBy(a => a.WorkNumber)
                .Select(a => new AgentOption(a.Id, a.WorkNumber, a.Name, a.Extension))
                .ToListAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Today in the call center's local calendar.</summary>
    public DateOnly Today() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), clock.LocalTimeZone).DateTime);

    /// <summary>The first instant of a local day (a midnight skipped by a daylight-saving change moves to the first valid time).</summary>
    internal static DateTimeOffset LocalMidnight(DateOnly date, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    private static WorkDaySummary Summarise(IReadOnlyList<WorkDayCall> calls, IReadOnlyList<WorkDayInterval> intervals)
    {
        var answered = calls.Where(c => c.Answered).ToList();
        var loggedIn = intervals.Where(i => i.State != AgentState.LoggedOut).ToList();
        var notReady = loggedIn.Where(i => i.State == AgentState.NotReady)
            .GroupBy(i => string.IsNullOrWhiteSpace(i.Reason) ? null : i.Reason)
            .Select(g => new NotReadyReasonTime(g.Key, Sum(g)))
            .OrderByDescending(r => r.Time)
            .ToList();
        return new WorkDaySummary(
            calls.Count,
            answered.Count,
            TimeSpan.FromSeconds(answered.Sum(c => (long)c.TalkSeconds)),
            Sum(loggedIn),
            TimeSpan.FromTicks(notReady.Sum(r => r.Time.Ticks)),
            notReady);
    }

    private static TimeSpan Sum(IEnumerable<WorkDayInterval> intervals) => TimeSpan.FromTicks(intervals.Sum(i => i.Duration.Ticks));
}
