using System.Buffers;

namespace CallCenter.Telephony.Sip.Messages;

// Header values the parser checks before handing a message out, on chars widened from the raw bytes (no allocation).
public static partial class SipMessageParser
{
    /// <summary>Validates the checked headers; records the first problem in <paramref name="error"/> (unless one is
    /// there already). Returns true when Via, From, To, Call-ID and CSeq parsed, so a response can be routed.</summary>
    private static bool Validate(SipMessage message, HeaderEntry[] entries, int count, string? method,
        ref SipParseError error)
    {
        var headers = message.Headers;
        bool via = false, viaBad = false, from = false, to = false, callId = false, cseq = false;
        var maxLength = 0;
        for (var i = 0; i < count; i++)
        {
            maxLength = Math.Max(maxLength, entries[i].Raw ? entries[i].Length : entries[i].Value!.Length);
        }
        char[]? rented = null;
        Span<char> scratch = maxLength <= 1024 ? stackalloc char[1024] : (rented = ArrayPool<char>.Shared.Rent(maxLength));
        try
        {
            for (var i = 0; i < count; i++)
            {
                var name = entries[i].Name;
                ReadOnlySpan<char> value = headers.TryGetRaw(i, out var raw) ? Latin1(raw, scratch) : entries[i].Value;
                var problem = SipParseError.None;
                if (ReferenceEquals(name, SipHeaderNames.Via))
                {
                    var ok = SipVia.TryParseCore(value, null);
                    via |= ok && !viaBad;
                    viaBad |= !ok;
                    problem = ok ? SipParseError.None : SipParseError.HeaderValue;
                }
                else if (ReferenceEquals(name, SipHeaderNames.From) || ReferenceEquals(name, SipHeaderNames.To))
                {
                    var ok = SipNameAddress.TryParseCore(value, null, allowWildcard: false);
                    if (ReferenceEquals(name, SipHeaderNames.From))
                    {
                        from |= ok;
                    }
                    else
                    {
                        to |= ok;
                    }
                    problem = ok ? SipParseError.None : SipParseError.HeaderValue;
                }
                else if (ReferenceEquals(name, SipHeaderNames.Contact) || ReferenceEquals(name, SipHeaderNames.Route)
                    || ReferenceEquals(name, SipHeaderNames.RecordRoute))
                {
                    problem = SipNameAddress.TryParseCore(value, null, ReferenceEquals(name, SipHeaderNames.Contact))
                        ? SipParseError.None : SipParseError.HeaderValue;
                }
                else if (ReferenceEquals(name, SipHeaderNames.CallId))
                {
                    // callid = word [ "@" word ]: no white space, not empty.
                    var ok = !value.IsEmpty && value.IndexOfAny(' ', '\t') < 0;
                    callId |= ok;
                    problem = ok ? SipParseError.None : SipParseError.HeaderValue;
                }
                else if (ReferenceEquals(name, SipHeaderNames.CSeq))
                {
                    problem = CheckCSeq(value, method);
                    // An out-of-range number or another method still lets the response copy CSeq as sent.
                    cseq |= problem is SipParseError.None or SipParseError.CSeqMethodMismatch or SipParseError.ValueOutOfRange;
                }
                else if (ReferenceEquals(name, SipHeaderNames.MaxForwards))
                {
                    problem = CheckNumber(value, 255);
                }
                else if (ReferenceEquals(name, SipHeaderNames.Expires))
                {
                    problem = CheckNumber(value, uint.MaxValue);
                }
                else if (ReferenceEquals(name, SipHeaderNames.ContentType))
                {
                    problem = SipMediaType.TryParseCore(value, out _, out _, out _) ? SipParseError.None : SipParseError.HeaderValue;
                }
                else if (ReferenceEquals(name, SipHeaderNames.Accept))
                {
                    problem = value.IsEmpty || SipMediaType.TryParseCore(value, out _, out _, out _)
                        ? SipParseError.None : SipParseError.HeaderValue;
                }
                else if (ReferenceEquals(name, SipHeaderNames.Date))
                {
                    problem = IsRfc1123Date(value) ? SipParseError.None : SipParseError.HeaderValue;
                }
                if (error == SipParseError.None)
                {
                    error = problem;
                }
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
        if (error == SipParseError.None && (!headers.Contains(SipHeaderNames.Via) || !headers.Contains(SipHeaderNames.CSeq)))
        {
            error = SipParseError.RequiredHeaderMissing;
        }
        return via && from && to && callId && cseq;
    }

    // CSeq = 1*DIGIT LWS Method; the number is below 2^31 (RFC 3261 §8.1.1.5) and the method is the request's.
    private static SipParseError CheckCSeq(ReadOnlySpan<char> value, string? method)
    {
        var i = 0;
        while (i < value.Length && char.IsAsciiDigit(value[i]))
        {
            i++;
        }
        var digits = value[..i];
        var lws = i;
        SipGrammar.SkipLws(value, ref i);
        if (digits.IsEmpty || i == lws || !SipGrammar.TryReadToken(value, ref i, out var cseqMethod) || i != value.Length)
        {
            return SipParseError.HeaderValue;
        }
        SipGrammar.TryParseDecimal(digits, int.MaxValue, out _, out var outOfRange);
        if (outOfRange)
        {
            return SipParseError.ValueOutOfRange;
        }
        return method is not null && !cseqMethod.SequenceEqual(method) ? SipParseError.CSeqMethodMismatch : SipParseError.None;
    }

    private static SipParseError CheckNumber(ReadOnlySpan<char> value, ulong max) =>
        !SipGrammar.TryParseDecimal(value, max, out _, out var outOfRange) ? SipParseError.HeaderValue
        : outOfRange ? SipParseError.ValueOutOfRange : SipParseError.None;

    // rfc1123-date = wkday "," SP date1 SP time SP "GMT" (RFC 3261 §20.17): "Sat, 13 Nov 2010 23:29:00 GMT" (baddate).
    private static bool IsRfc1123Date(ReadOnlySpan<char> v)
    {
        if (v.Length != 29 || v[3] != ',' || v[4] != ' ' || v[7] != ' ' || v[11] != ' ' || v[16] != ' '
            || v[19] != ':' || v[22] != ':' || v[25] != ' ' || !v[26..].SequenceEqual("GMT"))
        {
            return false;
        }
        var wkday = v[..3];
        var month = v[8..11];
        return "MonTueWedThuFriSatSun".AsSpan().IndexOf(wkday) % 3 == 0
            && "JanFebMarAprMayJunJulAugSepOctNovDec".AsSpan().IndexOf(month) % 3 == 0
            && IsDigits(v[5..7]) && IsDigits(v[12..16]) && IsDigits(v[17..19]) && IsDigits(v[20..22]) && IsDigits(v[23..25]);
    }

    private static bool IsDigits(ReadOnlySpan<char> s) => s.IndexOfAnyExceptInRange('0', '9') < 0;
}
