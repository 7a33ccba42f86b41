namespace CallCenter.Telephony.Sip.Messages;

/// <summary>The CSeq header: a sequence number below 2^31 and a method (RFC 3261 §8.1.1.5, §20.16).</summary>
/// <param name="Number">The sequence number.</param>
/// <param name="Method">The method, case-sensitive.</param>
public readonly record struct SipCSeq(uint Number, string Method)
{
    /// <summary>The header value: <c>number SP method</c>.</summary>
    public override string ToString() => Number.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + Method;
}
