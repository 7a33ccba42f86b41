using System.ComponentModel.DataAnnotations;

namespace CallCenter.Telephony.Hosting;

/// <summary>The "CallCenter:Rtp" configuration section: the UDP port range media is anchored on.</summary>
public class RtpOptions : IValidatableObject
{
    public const string Section = "CallCenter:Rtp";

    [Range(1024, 65534)]
    public int PortMin { get; set; } = 10000;

    [Range(1025, 65535)]
    public int PortMax { get; set; } = 20000;

    /// <summary>
    /// The address RTP sockets bind to; empty to use the SIP listen address (<see cref="SipOptions.ListenAddress"/>).
    /// </summary>
    public string BindAddress { get; set; } = "";

    /// <summary>
    /// Seconds without a packet from a leg after which a bridge reports a media timeout so the call can be ended
    /// as abnormal; 0 turns the check off. Not counted while the call is on hold.
    /// </summary>
    [Range(0, 3600)]
    public int MediaTimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// Mean seconds between the RTCP reports each leg's endpoint sends (RFC 3550 §6.2 recommends 5); 0 turns them off.
    /// </summary>
    [Range(0, 60)]
    public double RtcpIntervalSeconds { get; set; } = 5;

    /// <summary>Latch each leg's remote address to where its RTP comes from (symmetric RTP, RFC 4961) for phones behind NAT.</summary>
    public bool SymmetricRtp { get; set; } = true;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (PortMax <= PortMin)
        {
            yield return new ValidationResult("PortMax must be above PortMin.", [nameof(PortMax)]);
        }
        if (BindAddress.Length > 0 && !System.Net.IPAddress.TryParse(BindAddress, out _))
        {
            yield return new ValidationResult("BindAddress must be an IP address or empty.", [nameof(BindAddress)]);
        }
    }
}
