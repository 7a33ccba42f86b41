using System.Buffers;
using System.Text;

namespace CallCenter.Telephony.Sip.Messages;

/// <summary>A SIP request: <c>Method SP Request-URI SP SIP-Version</c> (RFC 3261 §7.1).</summary>
public sealed class SipRequest : SipMessage
{
    private SipUri? _requestUri;
    private readonly byte[]? _source;
    private readonly int _uriStart;
    private readonly int _uriLength;

    /// <summary>Makes a request to send; add headers through <see cref="SipMessage.Headers"/>.</summary>
    public SipRequest(string method, SipUri requestUri)
        : base(new SipHeaderCollection(), ReadOnlyMemory<byte>.Empty)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentNullException.ThrowIfNull(requestUri);
        Method = method;
        _requestUri = requestUri;
    }

    internal SipRequest(string method, byte[] source, int uriStart, int uriLength, SipHeaderCollection headers,
        ReadOnlyMemory<byte> body)
        : base(headers, body)
    {
        Method = method;
        _source = source;
        _uriStart = uriStart;
        _uriLength = uriLength;
    }

    /// <summary>The method, case-sensitive (RFC 3261 §7.1), e.g. <see cref="SipMethods.Invite"/>.</summary>
    public string Method { get; }

    /// <summary>The Request-URI. For a scheme other than sip/sips it is an absolute URI (<see cref="SipUri.IsSip"/>
    /// false): answer 416 (RFC 3261 §8.2.2.1).</summary>
    public SipUri RequestUri
    {
        get => _requestUri ??= SipUri.Parse(Encoding.UTF8.GetString(_source!, _uriStart, _uriLength));
        set => _requestUri = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <inheritdoc />
    public override bool IsRequest => true;

    /// <summary>True when the headers RFC 3261 §8.1.1 requires of every request for a UAS to process it (To, From,
    /// Call-ID, CSeq, Via) are present; false means answer 400 (RFC 4475 §3.3.1 insuf). Max-Forwards is not required
    /// here, as RFC 2543 peers omit it (RFC 4475 §3.4.1).</summary>
    public bool HasRequiredHeaders => Headers.Contains(SipHeaderNames.To) && Headers.Contains(SipHeaderNames.From)
        && Headers.Contains(SipHeaderNames.CallId) && Headers.Contains(SipHeaderNames.CSeq)
        && Headers.Contains(SipHeaderNames.Via);

    private protected override void WriteStartLine(IBufferWriter<byte> writer)
    {
        WriteUtf8(writer, Method);
        writer.Write(" "u8);
        if (_requestUri is null)
        {
            writer.Write(_source.AsSpan(_uriStart, _uriLength));
        }
        else
        {
            WriteUtf8(writer, _requestUri.ToString());
        }
        writer.Write(" SIP/2.0\r\n"u8);
    }
}
