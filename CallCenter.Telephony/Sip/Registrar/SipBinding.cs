using CallCenter.Telephony.Sip.Transport;

namespace CallCenter.Telephony.Sip.Registrar;

/// <summary>
/// One contact of an address-of-record (RFC 3261 §10.3), with where its REGISTER came from: behind a NAT
/// the contact URI names a private address, and requests for the phone go to <see cref="Source"/> over
/// <see cref="Transport"/> instead (the connection-reuse idea of RFC 5626 §5.3, without its Path/flow tokens).
/// </summary>
public sealed record SipBinding
{
    /// <summary>The AOR's user part.</summary>
    public required string Extension { get; init; }
    /// <summary>The contact URI exactly as the user agent sent it (RFC 4475 regescrt: escaped headers kept).</summary>
    public required string ContactUri { get; init; }
    /// <summary>The Contact header parameters other than expires, as sent (e.g. ";+sip.instance=...;q=0.5"), or "".</summary>
    public string ContactParameters { get; init; } = "";
    /// <summary>Where the REGISTER came from, with its transport: where requests for this contact are sent.</summary>
    public required SipEndPoint Source { get; init; }
    /// <summary>"UDP" or "TCP": the transport the REGISTER came over.</summary>
    public string Transport => Source.ViaTransport;
    public required string CallId { get; init; }
    public required long CSeq { get; init; }
    /// <summary>The expiration granted, in seconds.</summary>
    public required int ExpiresSeconds { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }
    /// <summary>When this contact was first bound (kept across refreshes).</summary>
    public required DateTimeOffset RegisteredAt { get; init; }
    /// <summary>The User-Agent of the REGISTER, for the administrators' view.</summary>
    public string? UserAgent { get; init; }

    /// <summary>Whole seconds left at <paramref name="now"/>, never negative (for the 200 OK's Contact expires).</summary>
    public int RemainingSeconds(DateTimeOffset now) => (int)Math.Max(0, Math.Ceiling((ExpiresAt - now).TotalSeconds));
}
