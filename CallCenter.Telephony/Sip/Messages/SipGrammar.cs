using System.Text;

namespace CallCenter.Telephony.Sip.Messages;

/// <summary>Character classes and small productions of the RFC 3261 §25.1 ABNF shared by the value parsers. They run
/// on chars (bytes widened one to one), so validating a header at parse time allocates nothing.</summary>
internal static class SipGrammar
{
    public static bool IsAlphaNum(char c) => char.IsAsciiLetterOrDigit(c);

    // token = 1*(alphanum / "-" / "." / "!" / "%" / "*" / "_" / "+" / "`" / "'" / "~")
    public static bool IsTokenChar(char c) => IsAlphaNum(c) || c is '-' or '.' or '!' or '%' or '*' or '_' or '+'
        or '`' or '\'' or '~';

    // unreserved = alphanum / mark; mark = "-" / "_" / "." / "!" / "~" / "*" / "'" / "(" / ")"
    public static bool IsUnreserved(char c) => IsAlphaNum(c) || c is '-' or '_' or '.' or '!' or '~' or '*' or '\''
        or '(' or ')';

    public static bool IsLws(char c) => c is ' ' or '\t' or '\r' or '\n';

    public static void SkipLws(ReadOnlySpan<char> s, ref int i)
    {
        while (i < s.Length && IsLws(s[i]))
        {
            i++;
        }
    }

    public static ReadOnlySpan<char> TrimLws(ReadOnlySpan<char> s)
    {
        var start = 0;
        var end = s.Length;
        while (start < end && IsLws(s[start]))
        {
            start++;
        }
        while (end > start && IsLws(s[end - 1]))
        {
            end--;
        }
        return s[start..end];
    }

    /// <summary>Reads a token at <paramref name="i"/>; false when there is none.</summary>
    public static bool TryReadToken(ReadOnlySpan<char> s, scoped ref int i, out ReadOnlySpan<char> token)
    {
        var start = i;
        while (i < s.Length && IsTokenChar(s[i]))
        {
            i++;
        }
        token = s[start..i];
        return i > start;
    }

    /// <summary>Reads a quoted-string (RFC 3261 §25.1) starting at the DQUOTE at <paramref name="i"/>; the content
    /// returned still holds its quoted-pairs. False when unterminated or holding a control character.</summary>
    public static bool TryReadQuotedString(ReadOnlySpan<char> s, scoped ref int i, out ReadOnlySpan<char> content)
    {
        content = default;
        if (i >= s.Length || s[i] != '"')
        {
            return false;
        }
        var start = ++i;
        while (i < s.Length)
        {
            var c = s[i];
            if (c == '"')
            {
                content = s[start..i];
                i++;
                return true;
            }
            if (c == '\\')
            {
                // quoted-pair = "\" (%x00-09 / %x0B-0C / %x0E-7F)
                if (i + 1 >= s.Length || s[i + 1] is '\r' or '\n')
                {
                    return false;
                }
                i += 2;
                continue;
            }
            if (c < 0x20 && c is not ('\t' or ' ' or '\r' or '\n') || c == 0x7F)
            {
                return false;
            }
            i++;
        }
        return false;
    }

    /// <summary>The content of a quoted-string with its quoted-pairs resolved.</summary>
    public static string Unquote(ReadOnlySpan<char> content)
    {
        if (content.IndexOf('\\') < 0)
        {
            return content.ToString();
        }
        var builder = new StringBuilder(content.Length);
        for (var i = 0; i < content.Length; i++)
        {
            if (content[i] == '\\' && i + 1 < content.Length)
            {
                i++;
            }
            builder.Append(content[i]);
        }
        return builder.ToString();
    }

    /// <summary>Quotes a display name or parameter value, escaping DQUOTE and backslash.</summary>
    public static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            if (c is '"' or '\\')
            {
                builder.Append('\\');
            }
            builder.Append(c);
        }
        return builder.Append('"').ToString();
    }

    /// <summary>Reads <c>*( SEMI generic-param )</c> (RFC 3261 §25.1) up to the end of <paramref name="s"/> or a char
    /// that cannot continue it (left at <paramref name="i"/>). A value is a token, a host (IPv6 reference included) or a
    /// quoted-string (kept with its quotes). Adds to <paramref name="target"/> when given.</summary>
    public static bool TryReadGenericParams(ReadOnlySpan<char> s, ref int i, SipParameterCollection? target)
    {
        while (true)
        {
            var save = i;
            SkipLws(s, ref i);
            if (i >= s.Length || s[i] != ';')
            {
                i = save;
                return true;
            }
            i++;
            SkipLws(s, ref i);
            if (!TryReadToken(s, ref i, out var name))
            {
                return false;
            }
            var afterName = i;
            SkipLws(s, ref i);
            if (i < s.Length && s[i] == '=')
            {
                i++;
                SkipLws(s, ref i);
                ReadOnlySpan<char> value;
                var valueStart = i;
                if (i < s.Length && s[i] == '"')
                {
                    if (!TryReadQuotedString(s, ref i, out _))
                    {
                        return false;
                    }
                    value = s[valueStart..i];
                }
                else
                {
                    while (i < s.Length && (IsTokenChar(s[i]) || s[i] is ':' or '[' or ']'))
                    {
                        i++;
                    }
                    value = s[valueStart..i];
                    if (value.IsEmpty)
                    {
                        return false;
                    }
                }
                target?.Add(name.ToString(), value.ToString());
            }
            else
            {
                i = afterName;
                target?.Add(name.ToString(), null);
            }
        }
    }

    /// <summary>True for <c>"%" HEXDIG HEXDIG</c> at <paramref name="i"/>.</summary>
    public static bool IsEscape(ReadOnlySpan<char> s, int i) =>
        i + 2 < s.Length && s[i] == '%' && char.IsAsciiHexDigit(s[i + 1]) && char.IsAsciiHexDigit(s[i + 2]);

    /// <summary>Resolves %HH escapes; the bytes are decoded as UTF-8 (RFC 3261 §19.1.2 escapes octets).</summary>
    public static string Unescape(ReadOnlySpan<char> s)
    {
        if (s.IndexOf('%') < 0)
        {
            return s.ToString();
        }
        var bytes = new List<byte>(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (IsEscape(s, i))
            {
                bytes.Add((byte)((HexValue(s[i + 1]) << 4) | HexValue(s[i + 2])));
                i += 2;
            }
            else
            {
                foreach (var b in Encoding.UTF8.GetBytes(s.Slice(i, 1).ToString()))
                {
                    bytes.Add(b);
                }
            }
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    /// <summary>Parses an unsigned decimal of at most <paramref name="max"/>; false when not digits, or
    /// <paramref name="outOfRange"/> true when larger.</summary>
    public static bool TryParseDecimal(ReadOnlySpan<char> s, ulong max, out ulong value, out bool outOfRange)
    {
        value = 0;
        outOfRange = false;
        if (s.IsEmpty)
        {
            return false;
        }
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
            if (!outOfRange)
            {
                value = value * 10 + (ulong)(c - '0');
                if (value > max)
                {
                    outOfRange = true;
                }
            }
        }
        return true;
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
