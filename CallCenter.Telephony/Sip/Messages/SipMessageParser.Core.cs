using System.Buffers;
using System.Text;

namespace CallCenter.Telephony.Sip.Messages;

// Framing: start line, header lines (folding, compact names, list splitting) and body. The message is built over one
// exact-size copy of its bytes, then its headers are validated (SipMessageParser.Validation.cs).
public static partial class SipMessageParser
{
    internal static SipParseResult ParseCore(ReadOnlySpan<byte> data, SipParserLimits limits, bool stream)
    {
        var pos = 0;
        // RFC 3261 §7.5: CRLFs before the start line are ignored (and are keep-alives, RFC 5626 §3.5.1).
        while (pos + 1 < data.Length && data[pos] == '\r' && data[pos + 1] == '\n')
        {
            pos += 2;
        }
        var msg = data[pos..];
        if (msg.IsEmpty || msg.IndexOfAnyExcept("\r\n"u8) < 0)
        {
            return Fail(SipParseError.Empty);
        }
        var headerEnd = msg.IndexOf("\r\n\r\n"u8);
        if (headerEnd < 0)
        {
            return Fail(msg.Length > limits.MaxMessageSize ? SipParseError.TooLarge : SipParseError.HeaderSyntax);
        }
        if (headerEnd + 4 > limits.MaxMessageSize)
        {
            return Fail(SipParseError.TooLarge);
        }
        var lineEnd = msg.IndexOf("\r\n"u8);
        if (lineEnd > limits.MaxHeaderLineLength)
        {
            return Fail(SipParseError.HeaderLineTooLong);
        }
        var startLine = ParseStartLine(msg[..lineEnd]);
        if (startLine.Error != SipParseError.None && !startLine.LooksLikeRequest)
        {
            return Fail(startLine.Error);
        }

        var headerBlock = msg[..(headerEnd + 2)];
        // Lines plus commas bounds the entries (list elements split at commas), so the index is allocated once.
        var entries = new HeaderEntry[headerBlock.Count((byte)'\n') + headerBlock.Count((byte)',') + 1];
        var count = 0;
        var vias = 0;
        var error = SipParseError.None;
        int? contentLength = null;
        var contentLengthError = false;
        Span<char> numberScratch = stackalloc char[32];
        var p = lineEnd + 2;
        while (p < headerBlock.Length)
        {
            // A header line runs to a CRLF not followed by SP/HT (RFC 3261 §7.3.1 folding).
            var e = p;
            var folded = false;
            while (true)
            {
                var next = headerBlock[e..].IndexOf("\r\n"u8) + e;
                e = next + 2;
                if (e < headerBlock.Length && headerBlock[e] is (byte)' ' or (byte)'\t')
                {
                    folded = true;
                    continue;
                }
                break;
            }
            var line = headerBlock[p..(e - 2)];
            if (line.Length > limits.MaxHeaderLineLength)
            {
                return Fail(SipParseError.HeaderLineTooLong);
            }
            if (!folded && line.IndexOfAny((byte)'\r', (byte)'\n') >= 0)
            {
                return Fail(SipParseError.HeaderSyntax);
            }
            var nameLength = 0;
            while (nameLength < line.Length && SipGrammar.IsTokenChar((char)line[nameLength]))
            {
                nameLength++;
            }
            var colon = nameLength;
            while (colon < line.Length && line[colon] is (byte)' ' or (byte)'\t')
            {
                colon++;
            }
            if (nameLength == 0 || colon >= line.Length || line[colon] != ':')
            {
                return Fail(SipParseError.HeaderSyntax);
            }
            var name = CanonicalName(line[..nameLength]);
            var valueStart = colon + 1;
            var valueEnd = line.Length;
            while (valueStart < valueEnd && IsLws(line[valueStart]))
            {
                valueStart++;
            }
            while (valueEnd > valueStart && IsLws(line[valueEnd - 1]))
            {
                valueEnd--;
            }
            var absoluteStart = p + valueStart;
            var value = line[valueStart..valueEnd];
            string? folding = folded ? Unfold(value) : null;
            var isList = SipHeaderNames.IsList(name);
            if (ReferenceEquals(name, SipHeaderNames.ContentLength) && contentLength is null && !contentLengthError)
            {
                if (SipGrammar.TryParseDecimal(Latin1(value, numberScratch), int.MaxValue,
                        out var cl, out var big) && !big && value.Length <= 32)
                {
                    contentLength = (int)cl;
                }
                else
                {
                    contentLengthError = true;
                }
            }
            if (!isList)
            {
                Append(ref entries, ref count, new HeaderEntry(name, absoluteStart, value.Length, folding, raw: folding is null));
            }
            else if (!SplitList(ref entries, ref count, name, value, absoluteStart, folding) && error == SipParseError.None)
            {
                error = SipParseError.HeaderValue;
            }
            if (ReferenceEquals(name, SipHeaderNames.Via))
            {
                vias = 0;
                for (var i = 0; i < count; i++)
                {
                    vias += ReferenceEquals(entries[i].Name, SipHeaderNames.Via) ? 1 : 0;
                }
                if (vias > limits.MaxViaCount)
                {
                    return Fail(SipParseError.TooManyVias);
                }
            }
            if (count > limits.MaxHeaderCount)
            {
                return Fail(SipParseError.TooManyHeaders);
            }
            p = e;
        }

        // Body: RFC 3261 §18.3. Stream: Content-Length is mandatory and exact. Datagram: absent means the rest; more
        // than received is an error (clerr); bytes beyond it are ignored (dblreq).
        var bodyStart = headerEnd + 4;
        var available = msg.Length - bodyStart;
        var bodyLength = available;
        if (contentLengthError || contentLength is null && stream || contentLength > available)
        {
            error = SipParseError.ContentLength;
        }
        else if (contentLength is { } length)
        {
            bodyLength = length;
        }
        if (bodyStart + bodyLength > limits.MaxMessageSize)
        {
            return Fail(SipParseError.TooLarge);
        }

        var buffer = msg[..(bodyStart + bodyLength)].ToArray();
        var headers = new SipHeaderCollection(buffer, entries, count);
        var body = new ReadOnlyMemory<byte>(buffer, bodyStart, bodyLength);
        SipMessage message = startLine.IsRequest
            ? new SipRequest(startLine.Method!, buffer, startLine.UriStart, startLine.UriLength, headers, body)
            : new SipResponse(startLine.StatusCode, startLine.Reason!, headers, body);
        if (error == SipParseError.None)
        {
            error = startLine.Error;
        }
        var routable = Validate(message, entries, count, startLine.Method, ref error);
        if (error == SipParseError.None)
        {
            return new SipParseResult(message, SipParseError.None, null);
        }
        return new SipParseResult(null, error, routable && message is SipRequest request ? request : null);
    }

    private static SipParseResult Fail(SipParseError error) => new(null, error, null);

    private static bool IsLws(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    private static void Append(ref HeaderEntry[] entries, ref int count, HeaderEntry entry)
    {
        if (count == entries.Length)
        {
            Array.Resize(ref entries, count * 2);
        }
        entries[count++] = entry;
    }

    internal static ReadOnlySpan<char> Latin1(ReadOnlySpan<byte> bytes, Span<char> scratch)
    {
        var n = Math.Min(bytes.Length, scratch.Length);
        Encoding.Latin1.GetChars(bytes[..n], scratch);
        return scratch[..n];
    }

    private static string CanonicalName(ReadOnlySpan<byte> name)
    {
        if (name.Length <= 64)
        {
            Span<char> chars = stackalloc char[name.Length];
            Encoding.Latin1.GetChars(name, chars);
            if (SipHeaderNames.TryGetCanonical(chars) is { } canonical)
            {
                return canonical;
            }
        }
        return Encoding.Latin1.GetString(name);
    }

    // RFC 3261 §7.3.1: a folded line break and the white space around it is one SP.
    private static string Unfold(ReadOnlySpan<byte> value)
    {
        var text = Encoding.UTF8.GetString(value);
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '\r' or '\n')
            {
                while (builder.Length > 0 && builder[^1] is ' ' or '\t')
                {
                    builder.Length--;
                }
                while (i + 1 < text.Length && text[i + 1] is ' ' or '\t' or '\r' or '\n')
                {
                    i++;
                }
                builder.Append(' ');
                continue;
            }
            builder.Append(text[i]);
        }
        return builder.ToString();
    }

    private static bool IsLwsChar(char c) => c is ' ' or '\t' or '\r' or '\n';
}
