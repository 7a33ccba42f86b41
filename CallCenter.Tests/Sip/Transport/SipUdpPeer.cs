using System.Net;
using System.Net.Sockets;
using System.Text;

using CallCenter.Telephony.Sip.Messages;
using CallCenter.Tests.Support;

namespace CallCenter.Tests.Sip.Transport;

/// <summary>A UDP SIP peer on 127.0.0.1 with an ephemeral port.</summary>
public sealed class SipUdpPeer : IDisposable
{
    public UdpClient Client { get; } = new(new IPEndPoint(IPAddress.Loopback, 0));

    public int Port => ((IPEndPoint)Client.Client.LocalEndPoint!).Port;

    public Task SendAsync(string text, IPEndPoint to) => Client.SendAsync(SipTestMessages.Bytes(text), to).AsTask();

    public Task SendAsync(byte[] data, IPEndPoint to) => Client.SendAsync(data, to).AsTask();

    /// <summary>The next datagram, parsed; fails after <paramref name="timeout"/> (default 5 s).</summary>
    public async Task<SipMessage> ReceiveAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(5));
        var result = await Client.ReceiveAsync(cts.Token);
        var parsed = SipMessageParser.Parse(result.Buffer);
        return parsed.Message ?? throw new InvalidOperationException("Unparsable reply: " + Encoding.UTF8.GetString(result.Buffer));
    }

    public async Task<SipResponse?> TryReceiveAsync(TimeSpan timeout)
    {
        try
        {
            return (SipResponse)await ReceiveAsync(timeout);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    public void Dispose() => Client.Dispose();
}
