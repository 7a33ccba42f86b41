using CallCenter.Telephony.Sip.Transport;

namespace CallCenter.Telephony.Sip.Registrar;

/// <summary>What a validated, authenticated REGISTER asks of the location service (RFC 3261 §10.3 steps 6-7).</summary>
public sealed record RegistrationRequest
{
    public required string Extension { get; init; }
    public required string CallId { get; init; }
    public required long CSeq { get; init; }
    /// <summary>Where the REGISTER came from, with its transport.</summary>
    public required SipEndPoint Source { get; init; }
    public string? UserAgent { get; init; }
    /// <summary>"Contact: *" with Expires 0: remove every binding.</summary>
    public bool RemoveAll { get; init; }
    public IReadOnlyList<ContactUpdate> Contacts { get; init; } = [];
}
