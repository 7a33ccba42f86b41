using System.ComponentModel.DataAnnotations;

namespace CallCenter.Telephony.Calls;

/// <summary>The "CallCenter:Calls" configuration section: limits of the B2BUA's calls.</summary>
public class CallOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "CallCenter:Calls";

    /// <summary>A call still up after this long is ended by the server (BYE to both legs).</summary>
    [Range(1, 86400)]
    public int MaxDurationSeconds { get; set; } = 4 * 3600;

    /// <summary>How long the callee may ring before the caller gets 480 (no answer).</summary>
    [Range(1, 600)]
    public int RingTimeoutSeconds { get; set; } = 60;
}
