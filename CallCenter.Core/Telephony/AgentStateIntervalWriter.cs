using CallCenter.Core.Data;
using CallCenter.Core.Domain;
using CallCenter.Telephony.Acd;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CallCenter.Core.Telephony;

/// <summary>
/// Turns the ACD's agent state changes into AgentStateInterval rows, in batches with one SaveChanges each (queueing
/// and batching: <see cref="BatchedEventWriter{TEvent}"/>). Each change closes the agent's open
/// interval at its time and opens the next one there, so one agent's intervals neither overlap nor leave a gap
/// within a session; <see cref="AgentStatus.LoggedOut"/> only closes (the time between sessions is not stored).
/// </summary>
public sealed partial class AgentStateIntervalWriter : BatchedEventWriter<AgentStateChanged>
{
    private readonly IDbContextFactory<CallCenterDbContext> _contextFactory;
    private readonly ILogger<AgentStateIntervalWriter> _logger;

    /// <summary>Subscribes at once, so that no change is missed between the ACD starting and this service starting.</summary>
    public AgentStateIntervalWriter(
        AgentEventStream events,
        IDbContextFactory<CallCenterDbContext> contextFactory,
        ILogger<AgentStateIntervalWriter> logger)
        : base(events)
    {
        _contextFactory = contextFactory;
        _logger = logger;
    }

    /// <inheritdoc />
    protected override async Task WriteAsync(IReadOnlyList<AgentStateChanged> batch, CancellationToken cancellationToken)
    {
        var db = await _contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var extensions = batch.Select(c => c.Extension).Distinct(StringComparer.Ordinal).ToList();
            var agents = (await db.Agents.AsNoTracking().Where(a => extensions.Contains(a.Extension))
                    .Select(a => new { a.Extension, a.Id, a.IsActive }).ToListAsync(cancellationToken).ConfigureAwait(false))
                .GroupBy(a => a.Extension, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.IsActive).First().Id, StringComparer.Ordinal);
            var agentIds = agents.Values.ToList();
            var open = (await db.AgentStateIntervals.Where(i => agentIds.Contains(i.AgentId) && i.EndedAt == null)
                    .ToListAsync(cancellationToken).ConfigureAwait(false))
                .ToLookup(i => i.AgentId)
                .ToDictionary(g => g.Key, g => g.ToList());

            var unknown = 0;
            foreach (var change in batch)
            {
                if (!agents.TryGetValue(change.Extension, out var agentId))
                {
                    unknown++;
                    continue;
                }
                Apply(db, open, agentId, change);
            }
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            if (unknown > 0)
            {
                LogUnknownAgents(_logger, unknown);
            }
        }
    }

    /// <inheritdoc />
    protected override void OnWriteFailed(int count, Exception exception) => LogWriteFailed(_logger, count, exception);

    private static void Apply(CallCenterDbContext db, Dictionary<Guid, List<AgentStateInterval>> open, Guid agentId, AgentStateChanged change)
    {
        if (!open.TryGetValue(agentId, out var intervals))
        {
            intervals = [];
            open[agentId] = intervals;
        }
        // Should the engine's clock have stepped back, the change counts from the open interval's start: an interval
        // never ends before it began, and the next never starts inside the previous one.
        var at = change.At;
        foreach (var interval in intervals)
        {
            at = interval.StartedAt > at ? interval.StartedAt : at;
        }
        foreach (var interval in intervals)
        {
            interval.EndedAt = at;
        }
        intervals.Clear();
        if (change.Status == AgentStatus.LoggedOut)
        {
            return;
        }
        var next = new AgentStateInterval
        {
            AgentId = agentId,
            State = ToState(change.Status),
            Reason = change.Status == AgentStatus.NotReady ? Truncate(change.Reason) : null,
            StartedAt = at,
            CallId = change.CallId,
        };
        db.AgentStateIntervals.Add(next);
        intervals.Add(next);
    }

    private static AgentState ToState(AgentStatus status) => status switch
    {
        AgentStatus.Ready => AgentState.Ready,
        AgentStatus.NotReady => AgentState.NotReady,
        AgentStatus.Ringing => AgentState.Ringing,
        AgentStatus.Talking => AgentState.Talking,
        AgentStatus.Held => AgentState.Held,
        AgentStatus.WrapUp => AgentState.WrapUp,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not a state with an interval."),
    };

    private static string? Truncate(string? text) =>
        text is null || text.Length <= Data.Configurations.ColumnLengths.Title ? text : text[..Data.Configurations.ColumnLengths.Title];

    [LoggerMessage(EventId = 3311, Level = LogLevel.Error, Message = "Writing {Count} agent state changes failed; the batch is lost")]
    private static partial void LogWriteFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(EventId = 3312, Level = LogLevel.Warning, Message = "{Count} agent state changes for extensions of no agent were ignored")]
    private static partial void LogUnknownAgents(ILogger logger, int count);
}
