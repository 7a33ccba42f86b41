namespace CallCenter.Telephony.Sip.Messages;

public sealed partial class SipNameAddress
{
    /// <summary>Validates (and fills <paramref name="target"/> when given; allocation-free without it) a value of
    /// RFC 3261 §25.1 <c>( name-addr / addr-spec ) *( SEMI generic-param )</c>.</summary>
    internal static bool TryParseCore(ReadOnlySpan<char> s, SipNameAddress? target, bool allowWildcard)
    {
        s = SipGrammar.TrimLws(s);
        if (s.IsEmpty)
        {
            return false;
        }
        if (allowWildcard && s.Length == 1 && s[0] == '*')
        {
            if (target is not null)
            {
                target.IsWildcard = true;
            }
            return true;
        }
        var i = 0;
        ReadOnlySpan<char> uri;
        if (s[0] == '"')
        {
            if (!SipGrammar.TryReadQuotedString(s, ref i, out var quoted))
            {
                return false;
            }
            SipGrammar.SkipLws(s, ref i);
            if (i >= s.Length || s[i] != '<' || !TryReadBracketed(s, ref i, out uri))
            {
                return false;
            }
            if (target is not null)
            {
                target.DisplayName = SipGrammar.Unquote(quoted);
            }
        }
        else
        {
            var lt = s.IndexOf('<');
            if (lt >= 0)
            {
                // display-name = *(token LWS): only tokens and white space before LAQUOT (baddn has a comma).
                var display = s[..lt];
                foreach (var c in display)
                {
                    if (!SipGrammar.IsTokenChar(c) && !SipGrammar.IsLws(c))
                    {
                        return false;
                    }
                }
                i = lt;
                if (!TryReadBracketed(s, ref i, out uri))
                {
                    return false;
                }
                var trimmed = SipGrammar.TrimLws(display);
                if (target is not null && !trimmed.IsEmpty)
                {
                    target.DisplayName = trimmed.ToString();
                }
            }
            else
            {
                // addr-spec without brackets: the URI ends at the first ';' or white space, and may not contain
                // ',' or '?' (RFC 3261 §20: such URIs must be enclosed in < >; regbadct).
                while (i < s.Length && s[i] != ';' && !SipGrammar.IsLws(s[i]))
                {
                    if (s[i] is ',' or '?')
                    {
                        return false;
                    }
                    i++;
                }
                uri = s[..i];
            }
        }
        if (!SipUri.TryParseCore(uri, null, out _))
        {
            return false;
        }
        if (target is not null)
        {
            target.Uri = SipUri.Parse(uri.ToString());
        }
        if (!SipGrammar.TryReadGenericParams(s, ref i, target?.Parameters))
        {
            return false;
        }
        SipGrammar.SkipLws(s, ref i);
        return i == s.Length;
    }

    // LAQUOT addr-spec RAQUOT, with no white space inside the brackets (badaspec).
    private static bool TryReadBracketed(ReadOnlySpan<char> s, scoped ref int i, out ReadOnlySpan<char> uri)
    {
        uri = default;
        var close = s[i..].IndexOf('>');
        if (close < 0)
        {
            return false;
        }
        uri = s.Slice(i + 1, close - 1);
        i += close + 1;
        foreach (var c in uri)
        {
            if (SipGrammar.IsLws(c))
            {
                return false;
            }
        }
        return !uri.IsEmpty;
    }
}
