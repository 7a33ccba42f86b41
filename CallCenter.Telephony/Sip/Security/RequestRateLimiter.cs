using System.Collections.Concurrent;
using System.Net;

using Microsoft.Extensions.Options;

namespace CallCenter.Telephony.Sip.Security;

/// <summary>
/// A token bucket per source address: <see cref="SipSecurityOptions.RateLimitPerSecond"/> tokens a second
/// up to <see cref="SipSecurityOptions.RateLimitBurst"/>; a packet without a token is dropped and counted.
/// One flooding address empties only its own bucket, so others keep their service.
/// </summary>
public sealed class RequestRateLimiter(TimeProvider time, IOptionsMonitor<SipSecurityOptions> options)
{
    internal const int SweepAbove = 10_000;

    private readonly ConcurrentDictionary<IPAddress, TokenBucket> _buckets = new();
    private long _dropped;

    /// <summary>Packets dropped for being over the rate since start.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Takes a token for one packet from <paramref name="address"/>; false (and counted) when none is left.</summary>
    public bool TryAcquire(IPAddress address)
    {
        var settings = options.CurrentValue;
        var now = time.GetTimestamp();
        if (_buckets.Count > SweepAbove)
        {
            Sweep(now, settings);
        }
        var bucket = _buckets.GetOrAdd(address, static (_, state) => new TokenBucket(state.Burst, state.Now), (Burst: settings.RateLimitBurst, Now: now));
        bool taken;
        lock (bucket)
        {
            taken = bucket.TryTake(now, time.TimestampFrequency, settings.RateLimitPerSecond, settings.RateLimitBurst);
        }
        if (!taken)
        {
            Interlocked.Increment(ref _dropped);
        }
        return taken;
    }

    // A bucket that would be full again carries no information: forget it.
    private void Sweep(long now, SipSecurityOptions settings)
    {
        var refill = (double)settings.RateLimitBurst / settings.RateLimitPerSecond;
        foreach (var (address, bucket) in _buckets)
        {
            lock (bucket)
            {
                if ((now - bucket.LastRefill) / (double)time.TimestampFrequency > refill)
                {
                    _buckets.TryRemove(address, out _);
                }
            }
        }
    }
}
