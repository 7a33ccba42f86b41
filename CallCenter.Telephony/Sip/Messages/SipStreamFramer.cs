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
        out SipParseResult result, SipParserLimits? limits = null) => throw new NotImplementedException();
}
