using System.Buffers;
using System.Globalization;

namespace CallCenter.Telephony.Sip.Messages;

/// <summary>A SIP response: <c>SIP-Version SP Status-Code SP Reason-Phrase</c> (RFC 3261 §7.2).</summary>
public sealed class SipResponse : SipMessage
{
    /// <summary>Makes a response to send; <paramref name="reasonPhrase"/> defaults to the RFC 3261 §21 phrase.</summary>
    public SipResponse(int statusCode, string? reasonPhrase = null)
        : this(statusCode, reasonPhrase ?? SipReasonPhrases.Get(statusCode), new SipHeaderCollection(),
            ReadOnlyMemory<byte>.Empty)
    {
    }

    internal SipResponse(int statusCode, string reasonPhrase, SipHeaderCollection headers, ReadOnlyMemory<byte> body)
        : base(headers, body)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 699);
        StatusCode = statusCode;
        ReasonPhrase = reasonPhrase;
    }

    /// <summary>The status code, 100..699.</summary>
    public int StatusCode { get; }

    /// <summary>The reason phrase as sent (UTF-8 decoded; may be empty, RFC 4475 §3.1.1.13).</summary>
    public string ReasonPhrase { get; }

    /// <inheritdoc />
    public override bool IsRequest => false;

    /// <summary>Makes the response to <paramref name="request"/> as RFC 3261 §8.2.6.2 says: every Via in order, From,
    /// To, Call-ID and CSeq copied (and Timestamp for a 100, §8.2.6.1). When <paramref name="toTag"/> is given and the
    /// request's To has no tag, the tag is added to To.</summary>
    public static SipResponse CreateFor(SipRequest request, int statusCode, string? reason = null, string? toTag = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = new SipResponse(statusCode, reason);
        var headers = request.Headers;
        for (var i = 0; i < headers.Count; i++)
        {
            var name = headers.NameAt(i);
            if (ReferenceEquals(name, SipHeaderNames.Via) || ReferenceEquals(name, SipHeaderNames.From)
                || ReferenceEquals(name, SipHeaderNames.CallId) || ReferenceEquals(name, SipHeaderNames.CSeq)
                || statusCode == 100 && ReferenceEquals(name, SipHeaderNames.Timestamp))
            {
                response.Headers.Add(name, headers.ValueAt(i));
            }
            else if (ReferenceEquals(name, SipHeaderNames.To) && !response.Headers.Contains(SipHeaderNames.To))
            {
                var to = headers.ValueAt(i);
                if (toTag is not null && statusCode != 100 && SipNameAddress.TryParse(to, out var address)
                    && address.Tag is null)
                {
                    to = address.WithParameter("tag", toTag).ToString();
                }
                response.Headers.Add(SipHeaderNames.To, to);
            }
        }
        return response;
    }

    private protected override void WriteStartLine(IBufferWriter<byte> writer)
    {
        writer.Write("SIP/2.0 "u8);
        WriteAscii(writer, StatusCode.ToString(CultureInfo.InvariantCulture));
        writer.Write(" "u8);
        WriteUtf8(writer, ReasonPhrase);
        writer.Write("\r\n"u8);
    }
}
