namespace CallCenter.Telephony.Sip.Transport;

/// <summary>Lets a repeated log line through at most once per interval and counts what it held back, so a flood of bad packets cannot flood the log.</summary>
internal sealed class SipLogGate(TimeProvider time, TimeSpan interval)
{
    private long _last = long.MinValue;
    private long _suppressed;

    /// <summary>True when the caller may log now; <paramref name="suppressed"/> is how many were held back since the last time.</summary>
    public bool TryEnter(out long suppressed)
    {
        var now = time.GetTimestamp();
        var last = Interlocked.Read(ref _last);
        if ((last != long.MinValue && time.GetElapsedTime(last, now) < interval) || Interlocked.CompareExchange(ref _last, now, last) != last)
        {
            Interlocked.Increment(ref _suppressed);
            suppressed = 0;
            return false;
        }
        suppressed = Interlocked.Exchange(ref _suppressed, 0);
        return true;
    }
}
