using System.Diagnostics;

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CallCenter.Telephony.Media;

/// <summary>
/// The one media clock of the process: a single dedicated thread that ticks every 20 ms (one G.711
/// packetisation interval, RFC 3551 §4.5) and calls its listeners in order. Ticks are scheduled against
/// a monotonic clock, so late ticks catch up instead of drifting. The thread starts with the first
/// listener and ends when the clock is disposed.
/// </summary>
public sealed partial class MediaClock : IDisposable
{
    /// <summary>The tick interval in milliseconds.</summary>
    public const int TickMilliseconds = 20;

    private readonly object _gate = new();
    private readonly ILogger _logger;
    private IMediaClockListener[] _listeners = [];
    private Thread? _thread;
    private volatile bool _disposed;
    private long _ticks;

    /// <summary>Creates the clock; it does not tick until something subscribes.</summary>
    public MediaClock(ILogger<MediaClock>? logger = null)
    {
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>The number of ticks so far.</summary>
    public long Ticks => Interlocked.Read(ref _ticks);

    /// <summary>Adds a listener; dispose the result to remove it.</summary>
    public IDisposable Subscribe(IMediaClockListener listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        ObjectDisposedException.ThrowIf(_disposed, this);
        lock (_gate)
        {
            _listeners = [.. _listeners, listener];
            if (_thread is null)
            {
                _thread = new Thread(Run) { IsBackground = true, Name = "MediaClock", Priority = ThreadPriority.AboveNormal };
                _thread.Start();
            }
        }
        return new Subscription(this, listener);
    }

    /// <summary>Stops the clock thread.</summary>
    public void Dispose()
    {
        _disposed = true;
        Thread? thread;
        lock (_gate)
        {
            thread = _thread;
            _listeners = [];
        }
        if (thread is not null && thread != Thread.CurrentThread)
        {
            thread.Join(TimeSpan.FromSeconds(1));
        }
    }

    private void Unsubscribe(IMediaClockListener listener)
    {
        lock (_gate)
        {
            _listeners = Array.FindAll(_listeners, l => !ReferenceEquals(l, listener));
        }
    }

    private void Run()
    {
        long interval = Stopwatch.Frequency * TickMilliseconds / 1000;
        long due = Stopwatch.GetTimestamp() + interval;
        while (!_disposed)
        {
            long wait = due - Stopwatch.GetTimestamp();
            if (wait > 0)
            {
                Thread.Sleep(TimeSpan.FromTicks(Math.Max(1, wait * TimeSpan.TicksPerSecond / Stopwatch.Frequency)));
                continue;
            }
            due += interval;
            long tick = Interlocked.Increment(ref _ticks);
            foreach (IMediaClockListener listener in Volatile.Read(ref _listeners))
            {
                try
                {
                    listener.OnTick(tick);
                }
                catch (Exception ex)
                {
                    LogListenerFailed(_logger, ex);
                }
            }
            // A stall of more than a second (debugger, suspended VM) restarts the schedule rather than bursting.
            if (Stopwatch.GetTimestamp() - due > Stopwatch.Frequency)
            {
                due = Stopwatch.GetTimestamp() + interval;
            }
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "A media clock listener failed")]
    private static partial void LogListenerFailed(ILogger logger, Exception exception);

    private sealed class Subscription(MediaClock clock, IMediaClockListener listener) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                clock.Unsubscribe(listener);
            }
        }
    }
}
