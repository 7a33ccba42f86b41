using System.ComponentModel.DataAnnotations;

namespace CallCenter.Telephony.Hosting;

/// <summary>The "CallCenter:Sip" configuration section.</summary>
public class SipOptions
{
    public const string Section = "CallCenter:Sip";

    /// <summary>Bind address for SIP over UDP and TCP.</summary>
    [Required]
    public string ListenAddress { get; set; } = "0.0.0.0";

    [Range(1, 65535)]
    public int Port { get; set; } = 5060;

    /// <summary>Digest realm; agents' HA1 values are computed with it, so changing it means resetting SIP passwords.</summary>
    [Required]
    public string Realm { get; set; } = "callcenter";

    /// <summary>Accept INVITEs to configured numbers from any source, as from a trunk.</summary>
    public bool AllowUnauthenticatedInbound { get; set; }
}
