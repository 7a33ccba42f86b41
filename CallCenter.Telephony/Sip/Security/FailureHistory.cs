namespace CallCenter.Telephony.Sip.Security;

/// <summary>The recent failure times of one address (callers lock it).</summary>
internal sealed class FailureHistory
{
    private readonly Queue<DateTimeOffset> _times = new();

    public DateTimeOffset Newest { get; private set; }

    /// <summary>Adds a failure at <paramref name="now"/>; true when <paramref name="threshold"/> fall within <paramref name="window"/>.</summary>
    public bool Add(DateTimeOffset now, TimeSpan window, int threshold)
    {
        while (_times.Count > 0 && now - _times.Peek() > window)
        {
            _times.Dequeue();
        }
        _times.Enqueue(now);
        // Never hold more than the threshold: older ones cannot matter any more.
        while (_times.Count > threshold)
        {
            _times.Dequeue();
        }
        Newest = now;
        return _times.Count >= threshold;
    }
}
