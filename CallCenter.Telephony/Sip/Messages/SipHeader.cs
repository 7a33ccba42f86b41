namespace CallCenter.Telephony.Sip.Messages;

/// <summary>One header value: a header line holding a comma-separated list yields one <see cref="SipHeader"/> per
/// element (RFC 3261 §7.3.1).</summary>
/// <param name="Name">The canonical name (full form, see <see cref="SipHeaderNames.Normalize"/>).</param>
/// <param name="Value">The value, trimmed, with folded line breaks replaced by a single space.</param>
public readonly record struct SipHeader(string Name, string Value)
{
    /// <inheritdoc />
    public override string ToString() => Name + ": " + Value;
}
