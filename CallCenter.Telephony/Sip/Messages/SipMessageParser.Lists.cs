namespace CallCenter.Telephony.Sip.Messages;

// Comma-separated header values (RFC 3261 §7.3.1): one index entry per element.
public static partial class SipMessageParser
{
    // Splits at commas outside quotes and angle brackets (RFC 3261 §7.3.1); false on an empty element of a header
    // whose elements may not be empty (Via, Contact, Route, Record-Route: badinv01).
    private static bool SplitList(ref HeaderEntry[] entries, ref int count, string name, ReadOnlySpan<byte> value,
        int absoluteStart, string? folded)
    {
        var strict = ReferenceEquals(name, SipHeaderNames.Via) || ReferenceEquals(name, SipHeaderNames.Contact)
            || ReferenceEquals(name, SipHeaderNames.Route) || ReferenceEquals(name, SipHeaderNames.RecordRoute);
        var ok = true;
        var added = 0;
        var length = folded?.Length ?? value.Length;
        var start = 0;
        var quoted = false;
        var angle = false;
        for (var i = 0; i <= length; i++)
        {
            var c = i < length ? (folded is null ? (char)value[i] : folded[i]) : ',';
            if (quoted)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                continue;
            }
            if (c == '"')
            {
                quoted = true;
            }
            else if (c == '<')
            {
                angle = true;
            }
            else if (c == '>')
            {
                angle = false;
            }
            else if (c == ',' && !angle)
            {
                var s = start;
                var e = Math.Min(i, length);
                while (s < e && IsLwsChar(folded is null ? (char)value[s] : folded[s]))
                {
                    s++;
                }
                while (e > s && IsLwsChar(folded is null ? (char)value[e - 1] : folded[e - 1]))
                {
                    e--;
                }
                if (e > s)
                {
                    Append(ref entries, ref count, folded is null
                        ? new HeaderEntry(name, absoluteStart + s, e - s, null, raw: true)
                        : new HeaderEntry(name, 0, 0, folded[s..e], raw: false));
                    added++;
                }
                else if (strict && length > 0)
                {
                    ok = false;
                }
                start = i + 1;
            }
        }
        if (added == 0)
        {
            // An empty value (e.g. "Supported:" or "Accept:") still makes the header present.
            Append(ref entries, ref count, new HeaderEntry(name, absoluteStart, 0, folded is null ? null : string.Empty, raw: folded is null));
            ok &= !strict;
        }
        return ok;
    }
}
