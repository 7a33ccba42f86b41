namespace CallCenter.Telephony.Sip.Transactions;

/// <summary>
/// The one scheduler of the SIP stack's timers (RFC 3261 §17 timers A-K, 100 Trying, idle checks):
/// a priority queue of due times behind a single <see cref="ITimer"/> re-armed for the earliest one,
/// so thousands of transactions cost one timer, not one System.Threading.Timer per retransmission.
/// Time comes from the injected <see cref="TimeProvider"/>, so tests advance it with a fake.
/// Callbacks run on the timer's thread, one after the other; they must be short and not block.
/// </summary>
public sealed class SipTimerScheduler : IDisposable
{
    private readonly TimeProvider _time;
    private readonly PriorityQueue<SipScheduledTimer, long> _queue = new();
    private readonly Lock _lock = new();
    private readonly ITimer _timer;
    private long _armedFor = long.MaxValue;
    private bool _disposed;

    /// <summary>Creates the scheduler on the given clock.</summary>
    public SipTimerScheduler(TimeProvider time)
    {
        _time = time;
        _timer = time.CreateTimer(_ => Fire(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>The clock the scheduler runs on.</summary>
    public TimeProvider Time => _time;

    /// <summary>Number of timers waiting (cancelled ones leave lazily).</summary>
    public int Pending
    {
        get
        {
            lock (_lock)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>Runs <paramref name="callback"/> once after <paramref name="delay"/> unless cancelled first.</summary>
    public SipScheduledTimer Schedule(TimeSpan delay, Action callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var due = _time.GetTimestamp() + ToTicks(delay);
        var timer = new SipScheduledTimer(callback);
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _queue.Enqueue(timer, due);
            if (due < _armedFor)
            {
                Arm(due);
            }
        }
        return timer;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            _queue.Clear();
        }
        _timer.Dispose();
    }

    private void Fire()
    {
        List<SipScheduledTimer>? due = null;
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }
            var now = _time.GetTimestamp();
            while (_queue.TryPeek(out var timer, out var at) && at <= now)
            {
                _queue.Dequeue();
                if (!timer.IsCancelled)
                {
                    (due ??= []).Add(timer);
                }
            }
            _armedFor = long.MaxValue;
            if (_queue.TryPeek(out _, out var next))
            {
                Arm(next);
            }
        }
        if (due is null)
        {
            return;
        }
        foreach (var timer in due)
        {
            timer.Run();
        }
    }

    // Called under the lock.
    private void Arm(long due)
    {
        _armedFor = due;
        var delay = _time.GetElapsedTime(_time.GetTimestamp(), due);
        _timer.Change(delay < TimeSpan.Zero ? TimeSpan.Zero : delay, Timeout.InfiniteTimeSpan);
    }

    private long ToTicks(TimeSpan delay) =>
        delay <= TimeSpan.Zero ? 0 : (long)(delay.Ticks * (double)_time.TimestampFrequency / TimeSpan.TicksPerSecond);
}
