using System.Diagnostics;
using System.Threading.Channels;

using CallCenter.Core.Data;
using CallCenter.Telephony.Events;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CallCenter.Core.Telephony;

/// <summary>
/// Turns the engine's call events into Call and CallLeg rows. Its <see cref="CallEventStream"/> subscriber
/// only queues into a bounded channel (full: the event is dropped and counted, publishing never waits);
/// this background service reads the channel in order and writes batches of at most
/// <see cref="MaxBatch"/> events, or what arrived within <see cref="BatchWindow"/> of the first, with one
/// SaveChanges per batch. One reader applying events in arrival order keeps every call's events in order.
/// A call row is inserted at <see cref="CallOffered"/> and updated by later events.
/// </summary>
public sealed partial class CallRecordWriter : BackgroundService
{
    /// <summary>Events held before new ones are dropped.</summary>
    public const int Capacity = 100_000;

    /// <summary>Events applied by one SaveChanges at most.</summary>
    public const int MaxBatch = 200;

    /// <summary>How long a batch waits for more events after its first.</summary>
    public static readonly TimeSpan BatchWindow = TimeSpan.FromMilliseconds(200);

    private readonly IDbContextFactory<CallCenterDbContext> _contextFactory;
    private readonly ILogger<CallRecordWriter> _logger;
    private readonly IDisposable _subscription;
    private readonly Channel<CallEvent> _queue = Channel.CreateBounded<CallEvent>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private long _dropped;
    private long _processed;
    private long _batches;
    private long _droppedLogged;

    /// <summary>
    /// Subscribes at once, so that no event is missed between the engine starting and this service
    /// starting (hosted services are all created before the first one starts).
    /// </summary>
    public CallRecordWriter(
        CallEventStream events,
        IDbContextFactory<CallCenterDbContext> contextFactory,
        ILogger<CallRecordWriter> logger)
    {
        ArgumentNullException.ThrowIfNull(events);
        _contextFactory = contextFactory;
        _logger = logger;
        _subscription = events.Subscribe(Enqueue);
    }

    /// <summary>Events dropped because the queue was full or their batch failed to save.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Events taken off the queue and applied (saved, ignored as orphans, or lost with a failed batch).</summary>
    public long Processed => Interlocked.Read(ref _processed);

    /// <summary>Batches written (one SaveChanges each).</summary>
    public long Batches => Interlocked.Read(ref _batches);

    /// <inheritdoc />
    public override void Dispose()
    {
        _subscription.Dispose();
        base.Dispose();
    }

    private void Enqueue(CallEvent callEvent)
    {
        // DropWrite makes TryWrite succeed while dropping when full; count by capacity instead.
        if (_queue.Reader.Count >= Capacity || !_queue.Writer.TryWrite(callEvent))
        {
            Interlocked.Increment(ref _dropped);
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<CallEvent>(MaxBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                await FillAsync(batch, stoppingToken).ConfigureAwait(false);
                await WriteAsync(batch, stoppingToken).ConfigureAwait(false);
                Interlocked.Add(ref _processed, batch.Count);
                batch.Clear();
                ReportDrops();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: calls still open are closed as abnormal by the recovery at the next start.
        }
    }

    private async Task FillAsync(List<CallEvent> batch, CancellationToken stoppingToken)
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

    private async Task WriteAsync(List<CallEvent> batch, CancellationToken cancellationToken)
    {
        try
        {
            var db = await _contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            await using (db.ConfigureAwait(false))
            {
                var applier = await CallRecordBatch.LoadAsync(db, batch, cancellationToken).ConfigureAwait(false);
                foreach (var callEvent in batch)
                {
                    applier.Apply(callEvent);
                }
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                Interlocked.Increment(ref _batches);
                if (applier.Orphans > 0)
                {
                    LogOrphans(_logger, applier.Orphans);
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Interlocked.Add(ref _dropped, batch.Count);
            LogWriteFailed(_logger, batch.Count, ex);
        }
    }

    private void ReportDrops()
    {
        var dropped = Dropped;
        if (dropped != Interlocked.Exchange(ref _droppedLogged, dropped))
        {
            LogDropped(_logger, dropped);
        }
    }

    [LoggerMessage(EventId = 3231, Level = LogLevel.Error, Message = "Writing {Count} call events failed; the batch is lost")]
    private static partial void LogWriteFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(EventId = 3232, Level = LogLevel.Warning, Message = "{Dropped} call events dropped in total (queue full or write failed)")]
    private static partial void LogDropped(ILogger logger, long dropped);

    [LoggerMessage(EventId = 3233, Level = LogLevel.Warning, Message = "{Count} call events for calls with no record (their CallOffered was dropped) were ignored")]
    private static partial void LogOrphans(ILogger logger, int count);
}
