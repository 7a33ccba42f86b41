namespace CallCenter.Telephony.Sip.Auth;

/// <summary>
/// The auth-param list of a credentials or challenge value: name = token / quoted-string, separated by
/// commas (RFC 3261 §25.1 "digest-response", RFC 2617 §1.2). Names are case-insensitive.
/// </summary>
internal static class AuthParameterList
{
    /// <summary>More parameters than any real client sends: a longer list is refused, not parsed.</summary>
    private const int MaxParameters = 32;

    /// <summary>
    /// Reads a "Digest" header value (challenge or credentials, RFC 2617 §3.2): false for another
    /// scheme, a scheme without parameters, or a malformed parameter list.
    /// </summary>
    public static bool TryParseDigest(string? headerValue, out Dictionary<string, string> parameters)
    {
        parameters = null!;
        if (headerValue is null)
        {
            return false;
        }
        var text = headerValue.AsSpan().Trim();
        const string scheme = "Digest";
        return text.Length > scheme.Length
            && text[..scheme.Length].Equals(scheme, StringComparison.OrdinalIgnoreCase)
            && char.IsWhiteSpace(text[scheme.Length])
            && TryParse(text[scheme.Length..], out parameters);
    }

    public static bool TryParse(ReadOnlySpan<char> text, out Dictionary<string, string> parameters)
    {
        parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var i = 0;
        while (true)
        {
            i = SkipSeparators(text, i);
            if (i >= text.Length)
            {
                return parameters.Count > 0;
            }
            var nameStart = i;
            while (i < text.Length && text[i] != '=' && text[i] != ',' && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }
            var name = text[nameStart..i].ToString();
            i = SkipWhiteSpace(text, i);
            if (name.Length == 0 || i >= text.Length || text[i] != '=')
            {
                return false;
            }
            i = SkipWhiteSpace(text, i + 1);
            if (!TryReadValue(text, ref i, out var value))
            {
                return false;
            }
            // A repeated parameter is malformed (RFC 7616 §3.4: each directive at most once).
            if (parameters.Count >= MaxParameters || !parameters.TryAdd(name, value))
            {
                return false;
            }
            i = SkipWhiteSpace(text, i);
            if (i < text.Length && text[i] != ',')
            {
                return false;
            }
        }
    }

    private static bool TryReadValue(ReadOnlySpan<char> text, ref int i, out string value)
    {
        value = "";
        if (i < text.Length && text[i] == '"')
        {
            // quoted-string with quoted-pair (RFC 3261 §25.1).
            var builder = new System.Text.StringBuilder();
            i++;
            while (i < text.Length && text[i] != '"')
            {
                if (text[i] == '\\' && i + 1 < text.Length)
                {
                    i++;
                }
                builder.Append(text[i]);
                i++;
            }
            if (i >= text.Length)
            {
                return false;
            }
            i++;
            value = builder.ToString();
            return true;
        }
        var start = i;
        while (i < text.Length && text[i] != ',' && !char.IsWhiteSpace(text[i]))
        {
            i++;
        }
        value = text[start..i].ToString();
        return value.Length > 0;
    }

    private static int SkipSeparators(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length && (text[i] == ',' || char.IsWhiteSpace(text[i])))
        {
            i++;
        }
        return i;
    }

    private static int SkipWhiteSpace(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }
        return i;
    }
}
