using System.Collections.Concurrent;
using System.Net;

using Microsoft.Extensions.Options;

namespace CallCenter.Telephony.Sip.Security;

/// <summary>
/// fail2ban for SIP: authentication failures are counted per source address in a sliding window; the
/// threshold within the window bans the address for a while. Banned addresses are checked by the
/// inbound filter before any parsing. Time comes from <see cref="TimeProvider"/> so tests can move it.
/// </summary>
public sealed class BanList(TimeProvider time, IOptionsMonitor<SipSecurityOptions> options)
{
    /// <summary>Tracked addresses above which stale entries are swept: a spoofed-source flood cannot grow this without bound.</summary>
    internal const int SweepAbove = 10_000;

    private readonly ConcurrentDictionary<IPAddress, FailureHistory> _failures = new();
    private readonly ConcurrentDictionary<IPAddress, DateTimeOffset> _bans = new();

    /// <summary>Addresses banned right now.</summary>
    public int BannedCount => _bans.Count(b => b.Value > time.GetUtcNow());

    /// <summary>True while <paramref name="address"/> is banned.</summary>
    public bool IsBanned(IPAddress address)
    {
        if (_bans.IsEmpty || !_bans.TryGetValue(address, out var until))
        {
            return false;
        }
        if (until > time.GetUtcNow())
        {
            return true;
        }
        _bans.TryRemove(new KeyValuePair<IPAddress, DateTimeOffset>(address, until));
        return false;
    }

    /// <summary>
    /// Counts one authentication failure; returns true when this failure reached the threshold and the
    /// address is now banned (once per ban, so the ban is reported once).
    /// </summary>
    public bool RecordFailure(IPAddress address)
    {
        var settings = options.CurrentValue;
        var now = time.GetUtcNow();
        if (_failures.Count > SweepAbove)
        {
            Sweep(now, settings);
        }
        var history = _failures.GetOrAdd(address, static _ => new FailureHistory());
        bool reached;
        lock (history)
        {
            reached = history.Add(now, TimeSpan.FromSeconds(settings.FailureWindowSeconds), settings.FailureThreshold);
        }
        if (!reached || IsBanned(address))
        {
            return false;
        }
        _bans[address] = now.AddSeconds(settings.BanSeconds);
        _failures.TryRemove(address, out _);
        return true;
    }

    /// <summary>Lifts a ban (an administrator's decision, or a test's).</summary>
    public void Unban(IPAddress address)
    {
        _bans.TryRemove(address, out _);
        _failures.TryRemove(address, out _);
    }

    private void Sweep(DateTimeOffset now, SipSecurityOptions settings)
    {
        var horizon = now.AddSeconds(-settings.FailureWindowSeconds);
        foreach (var (address, history) in _failures)
        {
            lock (history)
            {
                if (history.Newest < horizon)
                {
                    _failures.TryRemove(address, out _);
                }
            }
        }
        foreach (var (address, until) in _bans)
        {
            if (until <= now)
            {
                _bans.TryRemove(address, out _);
            }
        }
    }
}
