using System.Buffers;
using System.Globalization;
using System.Text;

namespace CallCenter.Telephony.Sip.Messages;

/// <summary>A SIP request or response (RFC 3261 §7): start line, ordered headers and body. A parsed message keeps one
/// exact-size copy of its bytes; header values and typed fields are read from it on demand and cached until the headers
/// change.</summary>
public abstract partial class SipMessage
{
    /// <summary>The only version this stack speaks (RFC 3261 §7.1).</summary>
    public const string SipVersion = "SIP/2.0";

    private protected SipMessage(SipHeaderCollection headers, ReadOnlyMemory<byte> body)
    {
        Headers = headers;
        Body = body;
    }

    /// <summary>The headers in order.</summary>
    public SipHeaderCollection Headers { get; }

    /// <summary>The body bytes (empty when none). Content-Length is written from its length.</summary>
    public ReadOnlyMemory<byte> Body { get; set; }

    /// <summary>The SIP version, always <see cref="SipVersion"/> for a parsed message (others are rejected).</summary>
    public string Version => SipVersion;

    /// <summary>True for a <see cref="SipRequest"/>.</summary>
    public abstract bool IsRequest { get; }

    /// <summary>Writes the message in canonical form: full header names, CRLF line ends, a correct Content-Length.</summary>
    public void WriteTo(IBufferWriter<byte> writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        WriteStartLine(writer);
        for (var i = 0; i < Headers.Count; i++)
        {
            var name = Headers.NameAt(i);
            if (ReferenceEquals(name, SipHeaderNames.ContentLength))
            {
                continue;
            }
            WriteAscii(writer, name);
            writer.Write(": "u8);
            if (Headers.TryGetRaw(i, out var raw))
            {
                writer.Write(raw);
            }
            else
            {
                WriteUtf8(writer, Headers.ValueAt(i));
            }
            writer.Write("\r\n"u8);
        }
        // RFC 3261 §20.14: always sent, so that stream transports can frame the message.
        writer.Write("Content-Length: "u8);
        WriteAscii(writer, Body.Length.ToString(CultureInfo.InvariantCulture));
        writer.Write("\r\n\r\n"u8);
        writer.Write(Body.Span);
    }

    /// <summary>The message in canonical form as bytes (see <see cref="WriteTo"/>).</summary>
    public byte[] ToArray()
    {
        var writer = new ArrayBufferWriter<byte>(512 + Body.Length);
        WriteTo(writer);
        return writer.WrittenSpan.ToArray();
    }

    /// <summary>The canonical form as text (UTF-8 decoded), for logs and tests.</summary>
    public override string ToString() => Encoding.UTF8.GetString(ToArray());

    private protected abstract void WriteStartLine(IBufferWriter<byte> writer);

    private protected static void WriteAscii(IBufferWriter<byte> writer, string text)
    {
        var span = writer.GetSpan(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            span[i] = (byte)text[i];
        }
        writer.Advance(text.Length);
    }

    private protected static void WriteUtf8(IBufferWriter<byte> writer, string text)
    {
        var span = writer.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        writer.Advance(Encoding.UTF8.GetBytes(text, span));
    }
}
