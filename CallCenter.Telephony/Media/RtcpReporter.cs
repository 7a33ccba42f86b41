using System.Diagnostics;

namespace CallCenter.Telephony.Media;

/// <summary>
/// Sends every active endpoint's RTCP reports from the one <see cref="MediaClock"/>. A bridge rewrites SSRCs,
/// sequence numbers and timestamps, so the peers' own reports would describe streams the other side never
/// sees: the B2BUA terminates RTCP and each leg's endpoint reports on the streams it really sends and
/// receives (RFC 7667 §3.2.1.2 "media translator" topology; RFC 3550 §7.2). The interval is randomised
/// between 0.5 and 1.5 times the configured one (RFC 3550 §6.3.1) so reports of many calls do not bunch up.
/// </summary>
public sealed class RtcpReporter : IMediaClockListener, IDisposable
{
    private readonly object _gate = new();
    private readonly List<RtpEndpoint> _endpoints = [];
    private readonly MediaClock _clock;
    private readonly long _interval;
    private IDisposable? _subscription;

    /// <summary>Creates the reporter; it subscribes to the clock with the first endpoint.</summary>
    /// <param name="clock">The process media clock.</param>
    /// <param name="interval">The mean report interval; zero or less turns reports off.</param>
    public RtcpReporter(MediaClock clock, TimeSpan interval)
    {
        ArgumentNullException.ThrowIfNull(clock);
        _clock = clock;
        _interval = (long)(interval.TotalSeconds * Stopwatch.Frequency);
    }

    /// <summary>Whether reports are sent at all.</summary>
    public bool Enabled => _interval > 0;

    /// <summary>Endpoints reporting now.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _endpoints.Count;
            }
        }
    }

    /// <summary>Starts reporting for an endpoint (its first report after one randomised interval).</summary>
    public void Add(RtpEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (!Enabled)
        {
            return;
        }
        endpoint.NextReportAt = Stopwatch.GetTimestamp() + NextInterval();
        lock (_gate)
        {
            _endpoints.Add(endpoint);
            _subscription ??= _clock.Subscribe(this);
        }
    }

    /// <summary>Stops reporting for an endpoint.</summary>
    public void Remove(RtpEndpoint endpoint)
    {
        lock (_gate)
        {
            _endpoints.Remove(endpoint);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            _subscription?.Dispose();
            _endpoints.Clear();
        }
    }

    void IMediaClockListener.OnTick(long tick)
    {
        var now = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            foreach (var endpoint in _endpoints)
            {
                if (now >= endpoint.NextReportAt)
                {
                    endpoint.NextReportAt = now + NextInterval();
                    endpoint.SendReport();
                }
            }
        }
    }

    private long NextInterval() => (long)(_interval * (0.5 + Random.Shared.NextDouble()));
}
