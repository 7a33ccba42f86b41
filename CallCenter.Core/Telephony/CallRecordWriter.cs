using CallCenter.Core.Data;
using CallCenter.Telephony.Events;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CallCenter.Core.Telephony;

/// <summary>
/// Turns the engine's call events into Call and CallLeg rows, in batches with one SaveChanges each (queueing and
/// batching: <see cref="BatchedEventWriter{TEvent}"/>). One reader applying events in arrival order keeps every call's events in order.
/// A call row is inserted at <see cref="CallOffered"/> and updated by later events.
/// </summary>
public sealed partial class CallRecordWriter : BatchedEventWriter<CallEvent>
{
    private readonly IDbContextFactory<CallCenterDbContext> _contextFactory;
    private readonly ILogger<CallRecordWriter> _logger;
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
        : base(events)
    {
        _contextFactory = contextFactory;
        _logger = logger;
    }

    /// <summary>Batches written (one SaveChanges each).</summary>
    public long Batches => Interlocked.Read(ref _batches);

    /// <inheritdoc />
    protected override async Task WriteAsync(IReadOnlyList<CallEvent> batch, CancellationToken cancellationToken)
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

    /// <inheritdoc />
    protected override void OnWriteFailed(int count, Exception exception) => LogWriteFailed(_logger, count, exception);

    /// <inheritdoc />
    protected override void OnBatchDone() => ReportDrops();

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
