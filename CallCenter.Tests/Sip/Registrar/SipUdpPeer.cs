using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

using CallCenter.Telephony.Sip.Messages;

namespace CallCenter.Tests.Sip.Registrar;

/// <summary>
/// A UDP socket on 127.0.0.1 that talks to the server under test: rewrites the top Via of what it sends to
/// itself (RFC 4475 MANIFEST: never answer to the addresses written in the corpus) and reads responses.
/// </summary>
internal sealed partial class SipUdpPeer : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly IPEndPoint _server;

    public SipUdpPeer(IPEndPoint server)
    {
        Assert.True(IPAddress.IsLoopback(server.Address), "tests talk to loopback only");
        _server = server;
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
    }

    public IPEndPoint LocalEndPoint => (IPEndPoint)_socket.LocalEndPoint!;

    /// <summary>
    /// The message with its first Via header line (full or compact name) replaced by one naming this socket.
    /// With <paramref name="keepBranch"/> the branch written in the message is kept (none if it had none:
    /// RFC 4475 badbranch, inv2543), otherwise a fresh RFC 3261 one is used.
    /// </summary>
    public byte[] WithOwnVia(byte[] message, bool keepBranch = false)
    {
        var text = Encoding.Latin1.GetString(message);
        var match = TopVia().Match(text);
        if (!match.Success)
        {
            return message;
        }
        var branch = ";branch=z9hG4bK" + Guid.NewGuid().ToString("N");
        if (keepBranch)
        {
            var original = Branch().Match(match.Value);
            branch = original.Success ? ";branch=" + original.Groups[1].Value : "";
        }
        var via = Encoding.ASCII.GetBytes($"Via: SIP/2.0/UDP 127.0.0.1:{LocalEndPoint.Port};rport{branch}");
        var result = new byte[message.Length - match.Length + via.Length];
        Buffer.BlockCopy(message, 0, result, 0, match.Index);
        Buffer.BlockCopy(via, 0, result, match.Index, via.Length);
        Buffer.BlockCopy(message, match.Index + match.Length, result, match.Index + via.Length, message.Length - match.Index - match.Length);
        return result;
    }

    public void Send(byte[] datagram) => _socket.SendTo(datagram, _server);

    public void Send(string text) => Send(Encoding.UTF8.GetBytes(text));

    /// <summary>The next response within <paramref name="timeout"/>, or null.</summary>
    public SipResponse? Receive(TimeSpan timeout)
    {
        var buffer = new byte[65535];
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !_socket.Poll((int)Math.Max(1, left.TotalMicroseconds), SelectMode.SelectRead))
            {
                return null;
            }
            var length = _socket.Receive(buffer);
            if (SipMessageParser.Parse(buffer.AsSpan(0, length)).Message is SipResponse response)
            {
                return response;
            }
        }
    }

    /// <summary>Sends and waits for the final response with this Call-ID (skipping 1xx and stray ones).</summary>
    public SipResponse? Exchange(string text, TimeSpan timeout) => Exchange(Encoding.UTF8.GetBytes(text), timeout);

    public SipResponse? Exchange(byte[] datagram, TimeSpan timeout)
    {
        Drain();
        Send(datagram);
        var callId = CallIdLine().Match(Encoding.Latin1.GetString(datagram)) is { Success: true } m ? m.Groups[1].Value.Trim() : null;
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var response = Receive(deadline - DateTime.UtcNow);
            if (response is null)
            {
                return null;
            }
            // Late answers to earlier messages are skipped; a request without a Call-ID (insuf) takes any.
            if (response.StatusCode >= 200 && (callId is null || response.CallId == callId))
            {
                return response;
            }
        }
        return null;
    }

    /// <summary>Throws away whatever is waiting (late responses of earlier exchanges).</summary>
    public void Drain()
    {
        var buffer = new byte[65535];
        while (_socket.Available > 0)
        {
            _socket.Receive(buffer);
        }
    }

    public void Dispose() => _socket.Dispose();

    [GeneratedRegex(@"^(?:Via|v)[ \t]*:[^\r\n]*(?:\r\n[ \t]+[^\r\n]*)*", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex TopVia();

    [GeneratedRegex(@"^(?:Call-ID|i)[ \t]*:([^\r\n]*)", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex CallIdLine();

    [GeneratedRegex(@";\s*branch\s*=\s*([^;,\s]*)", RegexOptions.IgnoreCase)]
    private static partial Regex Branch();
}
