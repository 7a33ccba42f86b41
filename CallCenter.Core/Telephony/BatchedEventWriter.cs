using System.Diagnostics;
using System.Threading.Channels;

using CallCenter.Telephony.Events;

using Microsoft.Extensions.Hosting;

namespace CallCenter.Core.Telephony;

/// <summary>
/// Writes an engine event stream to the database off the engine's threads: the subscriber only queues into a bounded
/// channel (full: dropped and counted, publishing never waits); this background service reads the channel in order and
/// hands <see cref="WriteAsync"/> batches of at most <see cref="MaxBatch"/> events, or what arrived within
/// <see cref="BatchWindow"/> of the first. A batch that fails is lost and counted as dropped.
/// </summary>
/// <typeparam name="TEvent">The stream's event type.</typeparam>
public abstract class BatchedEventWriter<TEvent> : BackgroundService
{
    /// <summary>Events held before new ones are dropped.</summary>
    public const int Capacity = 100_000;

    /// <summary>Events applied by one batch at most.</summary>
    public const int MaxBatch = 200;

    /// <summary>How long a batch waits for more events after its first.</summary>
    public static readonly TimeSpan BatchWindow = TimeSpan.FromMilliseconds(200);

    private readonly IDisposable _subscription;
    private readonly Channel<TEvent> _queue = Channel.CreateBounded<TEvent>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private long _dropped;
    private long _processed;

    /// <summary>Subscribes at once, so that no event is missed between the engine starting and this service starting.</summary>
    protected BatchedEventWriter(EventStream<TEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        _subscription = events.Subscribe(Enqueue);
    }

    /// <summary>Events dropped because the queue was full or their batch failed to save.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Events taken off the queue and handled (saved, ignored, or lost with a failed batch).</summary>
    public long Processed => Interlocked.Read(ref _processed);

    /// <inheritdoc />
    public override void Dispose()
    {
        _subscription.Dispose();
        base.Dispose();
    }

    /// <summary>Applies one batch, in order, with one SaveChanges.</summary>
    protected abstract Task WriteAsync(IReadOnlyList<TEvent> batch, CancellationToken cancellationToken);

    /// <summary>Logs a batch that failed to save (it is lost).</summary>
    protected abstract void OnWriteFailed(int count, Exception exception);

    /// <summary>Called after each batch (e.g. to report drops).</summary>
    protected virtual void OnBatchDone()
    {
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<TEvent>(MaxBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                await FillAsync(batch, stoppingToken).ConfigureAwait(false);
                try
                {
                    await WriteAsync(batch, stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    Interlocked.Add(ref _dropped, batch.Count);
                    OnWriteFailed(batch.Count, ex);
                }
                Interlocked.Add(ref _processed, batch.Count);
                batch.Clear();
                OnBatchDone();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what was left open is closed by the recoveries at the next start.
        }
    }

    private void Enqueue(TEvent item)
    {
        // DropWrite makes TryWrite succeed while dropping when full; count by capacity instead.
        if (_queue.Reader.Count >= Capacity || !_queue.Writer.TryWrite(item))
        {
            Interlocked.Increment(ref _dropped);
        }
    }

    private async Task FillAsync(List<TEvent> batch, CancellationToken stoppingToken)
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
}
