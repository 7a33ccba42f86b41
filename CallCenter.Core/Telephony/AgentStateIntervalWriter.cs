using System.Diagnostics;
using System.Threading.Channels;

using CallCenter.Core.Data;
using CallCenter.Core.Domain;
using CallCenter.Telephony.Acd;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CallCenter.Core.Telephony;

/// <summary>
/// Turns the ACD's agent state changes into AgentStateInterval rows. Its <see cref="AgentEventStream"/> subscriber
/// only queues into a bounded channel (full: dropped and counted, publishing never waits); this background service
/// reads the channel in order and writes batches of at most <see cref="MaxBatch"/> events, or what arrived within
/// <see cref="BatchWindow"/> of the first, with one SaveChanges per batch. Each change closes the agent's open
/// interval at its time and opens the next one there, so one agent's intervals neither overlap nor leave a gap
/// within a session; <see cref="AgentStatus.LoggedOut"/> only closes (the time between sessions is not stored).
/// </summary>
public sealed partial class AgentStateIntervalWriter : BackgroundService
{
    /// <summary>Events held before new ones are dropped.</summary>
    public const int Capacity = 100_000;

    /// <summary>Events applied by one SaveChanges at most.</summary>
    public const int MaxBatch = 200;

    /// <summary>How long a batch waits for more events after its first.</summary>
    public static readonly TimeSpan BatchWindow = TimeSpan.FromMilliseconds(200);

    private readonly IDbContextFactory<CallCenterDbContext> _contextFactory;
    private readonly ILogger<AgentStateIntervalWriter> _logger;
    private readonly IDisposable _subscription;
    private readonly Channel<AgentStateChanged> _queue = Channel.CreateBounded<AgentStateChanged>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private long _dropped;
    private long _processed;

    /// <summary>Subscribes at once, so that no change is missed between the ACD starting and this service starting.</summary>
    public AgentStateIntervalWriter(
        AgentEventStream events,
        IDbContextFactory<CallCenterDbContext> contextFactory,
        ILogger<AgentStateIntervalWriter> logger)
    {
        ArgumentNullException.ThrowIfNull(events);
        _contextFactory = contextFactory;
        _logger = logger;
        _subscription = events.Subscribe(Enqueue);
    }

    /// <summary>Changes dropped because the queue was full or their batch failed to save.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Changes taken off the queue and applied (saved, ignored for an unknown extension, or lost with a failed batch).</summary>
    public long Processed => Interlocked.Read(ref _processed);

    /// <inheritdoc />
    public override void Dispose()
    {
        _subscription.Dispose();
        base.Dispose();
    }

    private void Enqueue(AgentStateChanged change)
    {
        // DropWrite makes TryWrite succeed while dropping when full; count by capacity instead.
        if (_queue.Reader.Count >= Capacity || !_queue.Writer.TryWrite(change))
        {
            Interlocked.Increment(ref _dropped);
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<AgentStateChanged>(MaxBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                await FillAsync(batch, stoppingToken).ConfigureAwait(false);
                await WriteAsync(batch, stoppingToken).ConfigureAwait(false);
                Interlocked.Add(ref _processed, batch.Count);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: intervals still open are closed by AgentStateRecovery at the next start.
        }
    }

    private async Task FillAsync(List<AgentStateChanged> batch, CancellationToken stoppingToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(BatchWindow.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }
            var remaining = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline);
            if (batch.Count >= MaxBatch || remaining <= TimeSpan.Zero)
            {
                return;
            }
            using var window = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            window.CancelAfter(remaining);
            try
            {
                if (!await _queue.Reader.WaitToReadAsync(window.Token).ConfigureAwait(false))
                {
                    return;
                }
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task WriteAsync(List<AgentStateChanged> batch, CancellationToken cancellationToken)
    {
        try
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
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Interlocked.Add(ref _dropped, batch.Count);
            LogWriteFailed(_logger, batch.Count, ex);
        }
    }

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
