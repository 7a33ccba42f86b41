namespace CallCenter.Telephony.Sip.Security;

/// <summary>One address's tokens (callers lock it). Times are <see cref="TimeProvider.GetTimestamp"/> ticks.</summary>
internal sealed class TokenBucket(double tokens, long lastRefill)
{
    private double _tokens = tokens;

    public long LastRefill { get; private set; } = lastRefill;

    public bool TryTake(long now, long frequency, int perSecond, int burst)
    {
        var elapsed = (now - LastRefill) / (double)frequency;
        if (elapsed > 0)
        {
            _tokens = Math.Min(burst, _tokens + elapsed * perSecond);
            LastRefill = now;
        }
        if (_tokens < 1)
        {
            return false;
        }
        _tokens -= 1;
        return true;
    }
}
