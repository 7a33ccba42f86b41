using System.Net;
using System.Net.Sockets;

using CallCenter.Telephony.Rtp;

namespace CallCenter.Tests.Media;

/// <summary>A "phone" for media tests: one UDP socket on 127.0.0.1 sending and receiving RTP.</summary>
internal sealed class TestPhone : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);

    public TestPhone()
    {
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _socket.ReceiveTimeout = 2000;
    }

    public IPEndPoint Local => (IPEndPoint)_socket.LocalEndPoint!;

    public static byte[] Rtp(uint ssrc, ushort seq, uint timestamp, int payloadType = 0, int payloadLength = 160, byte fill = 0xD5)
    {
        byte[] data = new byte[12 + payloadLength];
        RtpPacket.WriteHeader(data, false, payloadType, seq, timestamp, ssrc);
        data.AsSpan(12).Fill(fill);
        return data;
    }

    public void Send(byte[] datagram, IPEndPoint to) => _socket.SendTo(datagram, to);

    public void Send(ReadOnlySpan<byte> datagram, SocketAddress to) => _socket.SendTo(datagram, SocketFlags.None, to);

    public int Receive(Span<byte> buffer, SocketAddress from) => _socket.ReceiveFrom(buffer, SocketFlags.None, from);

    /// <summary>The next datagram, or a clear failure after two seconds.</summary>
    public byte[] Receive()
    {
        byte[] buffer = new byte[2048];
        EndPoint from = new IPEndPoint(IPAddress.Any, 0);
        try
        {
            int n = _socket.ReceiveFrom(buffer, ref from);
            return buffer[..n];
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.TimedOut)
        {
            throw new Xunit.Sdk.XunitException($"Phone {Local} received nothing within 2 s.");
        }
    }

    /// <summary>True when nothing arrives within <paramref name="milliseconds"/>.</summary>
    public bool ReceivesNothingWithin(int milliseconds) => !_socket.Poll(milliseconds * 1000, SelectMode.SelectRead);

    public void Dispose() => _socket.Dispose();
}
