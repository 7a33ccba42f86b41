namespace CallCenter.Telephony.Sdp;

/// <summary>An a= line (RFC 4566 §5.13): a property attribute ("a=sendonly", <see cref="Value"/> null) or a value attribute ("a=ptime:20").</summary>
/// <param name="Name">The attribute name, e.g. "rtpmap".</param>
/// <param name="Value">The text after the first colon, or null for a property attribute.</param>
public sealed record SdpAttribute(string Name, string? Value = null)
{
    /// <inheritdoc/>
    public override string ToString() => Value is null ? Name : $"{Name}:{Value}";
}
