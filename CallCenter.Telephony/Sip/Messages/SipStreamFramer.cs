using System.Buffers;

namespace CallCenter.Telephony.Sip.Messages;

/// <summary>Takes SIP messages off a stream (TCP, TLS) buffer, Kestrel style: Content-Length frames each message
/// (mandatory on streams, RFC 3261 §18.3); CRLF keep-alives before a message are skipped (RFC 5626 §3.5.1).</summary>
public static class SipStreamFramer
{
    /// <summary>Reads the next message. True with a message: <paramref name="buffer"/> now starts after it. False with
    /// <see cref="SipParseError.None"/>: the message is incomplete, read more and call again (nothing consumed). False
    /// with an error: if <see cref="SipParseErrorExtensions.IsFramingError"/>, the stream cannot be resynchronised and
    /// the connection must be closed; otherwise the bad message has been consumed and the next can be read.</summary>
    public static bool TryReadMessage(ref ReadOnlySequence<byte> buffer, out SipMessage? message, out SipParseError error)
    {
        var ok = TryReadMessage(ref buffer, out SequencePosition _, out SipParseResult result);
        message = result.Message;
        error = result.Error;
        return ok;
    }

    /// <summary>As <see cref="TryReadMessage(ref ReadOnlySequence{byte}, out SipMessage?, out SipParseError)"/>, and
    /// reports how far the input was examined (for <c>PipeReader.AdvanceTo(buffer.Start, examined)</c>) and, for a
    /// rejected request, what is needed to answer it.</summary>
    public static bool TryReadMessage(ref ReadOnlySequence<byte> buffer, out SequencePosition examined,
        out SipParseResult result, SipParserLimits? limits = null)
    {
        limits ??= SipParserLimits.Default;
        result = default;
        // RFC 5626 §3.5.1 / RFC 3261 §7.5: CRLFs between messages are keep-alives; consume them.
        var reader = new SequenceReader<byte>(buffer);
        reader.AdvancePastAny((byte)'\r', (byte)'\n');
        buffer = buffer.Slice(reader.Position);
        examined = buffer.End;
        if (buffer.IsEmpty)
        {
            return false;
        }
        reader = new SequenceReader<byte>(buffer);
        if (!reader.TryReadTo(out ReadOnlySequence<byte> head, "\r\n\r\n"u8, advancePastDelimiter: true))
        {
            if (buffer.Length > limits.MaxMessageSize)
            {
                result = new SipParseResult(null, SipParseError.TooLarge, null);
            }
            return false;
        }
        var headerLength = head.Length + 4;
        if (headerLength > limits.MaxMessageSize)
        {
            result = new SipParseResult(null, SipParseError.TooLarge, null);
            return false;
        }
        var contentLength = FindContentLength(head);
        if (contentLength < 0)
        {
            result = new SipParseResult(null, SipParseError.ContentLength, null);
            return false;
        }
        var total = headerLength + contentLength;
        if (total > limits.MaxMessageSize)
        {
            result = new SipParseResult(null, SipParseError.TooLarge, null);
            return false;
        }
        if (buffer.Length < total)
        {
            return false;
        }
        var framed = buffer.Slice(0, total);
        if (framed.IsSingleSegment)
        {
            result = SipMessageParser.ParseCore(framed.FirstSpan, limits, stream: true);
        }
        else
        {
            var rented = ArrayPool<byte>.Shared.Rent((int)total);
            try
            {
                framed.CopyTo(rented);
                result = SipMessageParser.ParseCore(rented.AsSpan(0, (int)total), limits, stream: true);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
        buffer = buffer.Slice(total);
        examined = buffer.Start;
        return result.Success;
    }

    // The first Content-Length (or "l") value of the header block; -1 when absent or malformed (RFC 3261 §18.3: a
    // stream message without one cannot be framed).
    private static long FindContentLength(ReadOnlySequence<byte> head)
    {
        var reader = new SequenceReader<byte>(head);
        // Skip the start line.
        if (!reader.TryAdvanceTo((byte)'\n'))
        {
            return -1;
        }
        Span<byte> line = stackalloc byte[64];
        while (!reader.End)
        {
            if (!reader.TryReadTo(out ReadOnlySequence<byte> current, (byte)'\n'))
            {
                current = reader.UnreadSequence;
                reader.AdvanceToEnd();
            }
            var length = (int)Math.Min(current.Length, line.Length);
            current.Slice(0, length).CopyTo(line);
            var text = line[..length].TrimEnd((byte)'\r');
            var colon = text.IndexOf((byte)':');
            if (colon <= 0)
            {
                continue;
            }
            var name = text[..colon].TrimEnd(" \t"u8);
            if (!System.Text.Ascii.EqualsIgnoreCase(name, "Content-Length"u8) && !System.Text.Ascii.EqualsIgnoreCase(name, "l"u8))
            {
                continue;
            }
            if (current.Length > line.Length)
            {
                return -1;
            }
            var value = text[(colon + 1)..].Trim(" \t"u8);
            if (value.IsEmpty || value.Length > 9 || value.IndexOfAnyExceptInRange((byte)'0', (byte)'9') >= 0)
            {
                return -1;
            }
            long n = 0;
            foreach (var b in value)
            {
                n = n * 10 + (b - '0');
            }
            return n;
        }
        return -1;
    }
}
