using System.ComponentModel.DataAnnotations;
using System.Net;

namespace CallCenter.Telephony.Hosting;

/// <summary>The "CallCenter:Sip" configuration section.</summary>
public class SipOptions : IValidatableObject
{
    public const string Section = "CallCenter:Sip";

    /// <summary>Bind address for SIP over UDP and TCP.</summary>
    [Required]
    public string ListenAddress { get; set; } = "0.0.0.0";

    /// <summary>SIP port for UDP and TCP; 0 takes an ephemeral port (tests), the same one for both.</summary>
    [Range(0, 65535)]
    public int Port { get; set; } = 5060;

    /// <summary>Digest realm; agents' HA1 values are computed with it, so changing it means resetting SIP passwords.</summary>
    [Required]
    public string Realm { get; set; } = "callcenter";

    /// <summary>Accept INVITEs to configured numbers from any source, as from a trunk.</summary>
    public bool AllowUnauthenticatedInbound { get; set; }

    /// <summary>
    /// Host (IP or name) put in our Via sent-by and Contact. Empty: the bound address, or when bound to
    /// any address (0.0.0.0 / ::), the first non-loopback IPv4 address of the machine.
    /// </summary>
    public string AdvertisedAddress { get; set; } = "";

    /// <summary>TCP connections with no traffic for this long are closed (either side's).</summary>
    [Range(1, 86400)]
    public int TcpIdleTimeoutSeconds { get; set; } = 180;

    /// <summary>Capacity of the one bounded queue between the listeners and the SIP processing; beyond it messages are dropped and counted.</summary>
    [Range(16, 1_000_000)]
    public int InboundQueueCapacity { get; set; } = 8192;

    /// <summary>
    /// Most messages one source (address and port) may have waiting in the inbound queue; beyond it that
    /// source's messages are dropped first, so a flood from one peer leaves room for everybody else,
    /// including other phones behind the same NAT address. Messages are taken in arrival order, so another
    /// source waits at most about (this limit x cost of a message / processing workers) behind a flooder.
    /// </summary>
    [Range(1, 1_000_000)]
    public int InboundQueuePerSourceLimit { get; set; } = 64;

    /// <summary>Most messages one IP address (all its ports together) may have waiting in the inbound queue, so varying the source port does not get round the per-source share.</summary>
    [Range(1, 1_000_000)]
    public int InboundQueuePerAddressLimit { get; set; } = 512;

    /// <summary>Most simultaneous TCP connections; further ones are refused.</summary>
    [Range(1, 1_000_000)]
    public int MaxTcpConnections { get; set; } = 4096;

    /// <summary>Largest SIP message accepted over TCP (header and body); a longer one closes the connection.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxMessageSize { get; set; } = 65535;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IPAddress.TryParse(ListenAddress, out _))
        {
            yield return new ValidationResult("ListenAddress must be an IP address.", [nameof(ListenAddress)]);
        }
        if (InboundQueuePerSourceLimit > InboundQueuePerAddressLimit || InboundQueuePerAddressLimit > InboundQueueCapacity)
        {
            yield return new ValidationResult(
                "Inbound queue limits must satisfy InboundQueuePerSourceLimit <= InboundQueuePerAddressLimit <= InboundQueueCapacity.",
                [nameof(InboundQueuePerSourceLimit), nameof(InboundQueuePerAddressLimit)]);
        }
    }
}
