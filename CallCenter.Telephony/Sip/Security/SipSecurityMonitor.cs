using System.Net;

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallCenter.Telephony.Sip.Security;

/// <summary>
/// The SIP side's abuse protection in one place: the inbound filter (bans, then the per-address rate),
/// and the reports of authentication failures and scanners, each logged and passed to the
/// <see cref="ISecurityEventSink"/> port. Every method returns at once: it runs on the receive path.
/// </summary>
public sealed partial class SipSecurityMonitor
{
    private readonly BanList _bans;
    private readonly RequestRateLimiter _rate;
    private readonly ScannerDetector _scanners;
    private readonly ISecurityEventSink _sink;
    private readonly TimeProvider _time;
    private readonly IOptionsMonitor<SipSecurityOptions> _options;
    private readonly ILogger<SipSecurityMonitor> _logger;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<IPAddress, DateTimeOffset> _lastScannerReport = new();
    private long _bannedDrops;

    public SipSecurityMonitor(
        BanList bans,
        RequestRateLimiter rate,
        ScannerDetector scanners,
        ISecurityEventSink sink,
        TimeProvider time,
        IOptionsMonitor<SipSecurityOptions> options,
        ILogger<SipSecurityMonitor> logger)
    {
        _bans = bans;
        _rate = rate;
        _scanners = scanners;
        _sink = sink;
        _time = time;
        _options = options;
        _logger = logger;
    }

    /// <summary>Packets dropped because their source was banned.</summary>
    public long BannedDrops => Interlocked.Read(ref _bannedDrops);

    /// <summary>Packets dropped for being over the per-address rate.</summary>
    public long RateLimitedDrops => _rate.Dropped;

    /// <summary>The ban list (for administration and tests).</summary>
    public BanList Bans => _bans;

    /// <summary>
    /// The transport's inbound filter: false means drop the packet unparsed. Banned sources first (no
    /// token spent on them), then the token bucket of the source address.
    /// </summary>
    public bool AllowInbound(IPEndPoint source)
    {
        var address = Normalise(source.Address);
        if (IsTrusted(address))
        {
            return true;
        }
        if (_bans.IsBanned(address))
        {
            Interlocked.Increment(ref _bannedDrops);
            return false;
        }
        return _rate.TryAcquire(address);
    }

    /// <summary>
    /// Reports an authentication failure (wrong digest, unknown user, replayed nonce-count): logged, sent
    /// to the sink, counted towards a ban. Returns true when this failure banned the source.
    /// </summary>
    public bool ReportAuthFailure(IPEndPoint source, string? user, string reason)
    {
        var address = Normalise(source.Address);
        var text = address.ToString();
        LogAuthFailed(_logger, text, source.Port, user, reason);
        _sink.Report(new SecurityEvent(SecurityEventKind.AuthFailed, _time.GetUtcNow(), text, user, reason));
        if (IsTrusted(address) || !_bans.RecordFailure(address))
        {
            return false;
        }
        var settings = _options.CurrentValue;
        var details = $"{settings.FailureThreshold} authentication failures within {settings.FailureWindowSeconds} s; banned for {settings.BanSeconds} s";
        LogBanned(_logger, text, details);
        _sink.Report(new SecurityEvent(SecurityEventKind.Banned, _time.GetUtcNow(), text, user, details));
        return true;
    }

    /// <summary>
    /// Looks at a request's User-Agent; a known scanner is logged and reported (once a minute per
    /// address, a scan sends thousands), counted towards a ban like an authentication failure, and true
    /// is returned so that the caller treats the request as hostile.
    /// </summary>
    public bool CheckUserAgent(IPEndPoint source, string? userAgent, string method)
    {
        if (!_scanners.IsScanner(userAgent))
        {
            return false;
        }
        var address = Normalise(source.Address);
        var text = address.ToString();
        var now = _time.GetUtcNow();
        if (_lastScannerReport.Count > BanList.SweepAbove)
        {
            _lastScannerReport.Clear();
        }
        var last = _lastScannerReport.GetValueOrDefault(address);
        if (now - last >= TimeSpan.FromMinutes(1))
        {
            _lastScannerReport[address] = now;
            LogScanner(_logger, text, source.Port, userAgent, method);
            _sink.Report(new SecurityEvent(SecurityEventKind.Scanner, now, text, null, $"{method} with User-Agent \"{userAgent}\""));
        }
        if (!IsTrusted(address) && _bans.RecordFailure(address))
        {
            var details = $"known scanner (User-Agent \"{userAgent}\"); banned for {_options.CurrentValue.BanSeconds} s";
            LogBanned(_logger, text, details);
            _sink.Report(new SecurityEvent(SecurityEventKind.Banned, now, text, null, details));
        }
        return true;
    }

    // IPv4 seen through a dual-stack socket is the same source as plain IPv4.
    private static IPAddress Normalise(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    private bool IsTrusted(IPAddress address)
    {
        var trusted = _options.CurrentValue.TrustedAddresses;
        if (trusted.Count == 0)
        {
            return false;
        }
        foreach (var entry in trusted)
        {
            if (IPAddress.TryParse(entry, out var parsed) && parsed.Equals(address))
            {
                return true;
            }
        }
        return false;
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "SIP authentication failed from {RemoteAddress}:{RemotePort} for user {User}: {Reason}")]
    private static partial void LogAuthFailed(ILogger logger, string remoteAddress, int remotePort, string? user, string reason);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "SIP source {RemoteAddress} banned: {Details}")]
    private static partial void LogBanned(ILogger logger, string remoteAddress, string details);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Warning, Message = "SIP scanner at {RemoteAddress}:{RemotePort} (User-Agent \"{UserAgent}\", {Method})")]
    private static partial void LogScanner(ILogger logger, string remoteAddress, int remotePort, string? userAgent, string method);
}
