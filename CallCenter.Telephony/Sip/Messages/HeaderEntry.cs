namespace CallCenter.Telephony.Sip.Messages;

/// <summary>One header value in a <see cref="SipHeaderCollection"/>: the canonical name, and the offset and length of
/// the raw value in the message bytes (<see cref="Raw"/>) or the value as a string (set or folded). A raw value's
/// string is cached in <see cref="Value"/> once read; it is still written from the raw bytes.</summary>
internal struct HeaderEntry(string name, int start, int length, string? value, bool raw)
{
    public readonly string Name = name;
    public readonly int Start = start;
    public readonly int Length = length;
    public readonly bool Raw = raw;
    public string? Value = value;
}
