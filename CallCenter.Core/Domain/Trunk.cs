namespace CallCenter.Core.Domain;

/// <summary>A SIP trunk to a carrier: inbound calls from its addresses, outbound calls through it.</summary>
public class Trunk : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Name { get; set; } = "";
    public string Host { get; set; } = "";
    public int Port { get; set; } = 5060;
    public string? OutboundProxy { get; set; }
    public bool Register { get; set; }
    public string? Username { get; set; }
    /// <summary>The provider's password must be sent as digest, so it is kept reversibly, encrypted with ASP.NET Data Protection.</summary>
    public string? PasswordProtected { get; set; }
    /// <summary>Caller-ID presented on outbound calls.</summary>
    public string? CallerId { get; set; }
    /// <summary>Source addresses accepted for inbound calls, comma separated.</summary>
    public string? AllowedSources { get; set; }
    /// <summary>Prefix that selects this trunk for outbound calls, e.g. "0" or "9".</summary>
    public string? OutboundPrefix { get; set; }
    public bool IsActive { get; set; } = true;
    public Guid Version { get; set; } = Guid.NewGuid();
}
