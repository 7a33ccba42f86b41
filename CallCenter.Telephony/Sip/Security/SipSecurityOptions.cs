using System.ComponentModel.DataAnnotations;

namespace CallCenter.Telephony.Sip.Security;

/// <summary>The "CallCenter:Sip:Security" configuration section: digest challenges and abuse protection.</summary>
public class SipSecurityOptions
{
    public const string Section = "CallCenter:Sip:Security";

    /// <summary>
    /// Algorithms challenged with, one WWW-Authenticate each, most preferred first (RFC 8760 §2.4).
    /// Comma-separated: "MD5" (the default), "SHA-256,MD5" or "SHA-256". MD5 alone by default because
    /// common user agents (baresip 1.0, sipp 3.6, many desk phones) give up on a challenge list that
    /// holds an algorithm they cannot compute, even when an MD5 one follows; where every phone speaks
    /// RFC 8760, set "SHA-256,MD5". Both are always verified: HA1 is stored for each.
    /// </summary>
    [Required]
    [RegularExpression(@"^\s*(?i:MD5|SHA-256)\s*(,\s*(?i:MD5|SHA-256)\s*)*$")]
    public string ChallengeAlgorithms { get; set; } = "MD5";

    /// <summary>How long a nonce is good for; an older one is answered 401 with stale=true (RFC 2617 §3.2.1).</summary>
    [Range(5, 86400)]
    public int NonceLifetimeSeconds { get; set; } = 300;

    /// <summary>Authentication failures from one address within <see cref="FailureWindowSeconds"/> that ban it.</summary>
    [Range(1, 10000)]
    public int FailureThreshold { get; set; } = 5;

    [Range(1, 86400)]
    public int FailureWindowSeconds { get; set; } = 60;

    /// <summary>How long a banned address is ignored (all its packets dropped before parsing).</summary>
    [Range(1, 604800)]
    public int BanSeconds { get; set; } = 600;

    /// <summary>Sustained requests per second accepted from one address (token bucket rate).</summary>
    [Range(1, 1_000_000)]
    public int RateLimitPerSecond { get; set; } = 50;

    /// <summary>Token bucket size: a burst above the sustained rate that is still accepted.</summary>
    [Range(1, 1_000_000)]
    public int RateLimitBurst { get; set; } = 100;

    /// <summary>Addresses never banned nor rate limited (e.g. a trunk provider or the proxy in front).</summary>
    public List<string> TrustedAddresses { get; set; } = [];

    /// <summary>
    /// User-Agent fragments of known SIP scanners (case-insensitive substring match). Configured entries
    /// are added to these (configuration binding appends to a list).
    /// </summary>
    public List<string> ScannerUserAgents { get; set; } =
    [
        "friendly-scanner", "sipvicious", "sipcli", "VaxSIPUserAgent", "sundayddr", "sip-scan", "iWar",
        "SIVuS", "pplsip",
    ];
}
