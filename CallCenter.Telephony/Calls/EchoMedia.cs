using System.Buffers;
using System.Net;
using System.Net.Sockets;

namespace CallCenter.Telephony.Calls;

/// <summary>
/// The echo test's media: one UDP socket in the RTP range that sends every packet back to where the last
/// one came from (symmetric RTP, RFC 4961, latching on the first packet). Stand-in for the media branch's
/// EchoEndpoint, which replaces it once merged.
/// </summary>
public sealed class EchoMedia : IDisposable
{
    private readonly Socket _socket;
    private readonly CancellationTokenSource _stop = new();
    private long _echoed;

    private EchoMedia(Socket socket) => _socket = socket;

    /// <summary>The bound RTP port.</summary>
    public int Port => ((IPEndPoint)_socket.LocalEndPoint!).Port;

    /// <summary>Packets sent back so far.</summary>
    public long Echoed => Interlocked.Read(ref _echoed);

    /// <summary>Binds an even port in [<paramref name="portMin"/>, <paramref name="portMax"/>] on <paramref name="address"/> and starts echoing.</summary>
    public static EchoMedia Start(IPAddress address, int portMin, int portMax)
    {
        ArgumentNullException.ThrowIfNull(address);
        for (var attempt = 0; attempt < 50; attempt++)
        {
            // RFC 3550 §11: RTP on an even port.
            var port = Random.Shared.Next(portMin / 2, (portMax + 1) / 2) * 2;
            var socket = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            try
            {
                socket.Bind(new IPEndPoint(address, port));
                var media = new EchoMedia(socket);
                _ = media.RunAsync();
                return media;
            }
            catch (SocketException)
            {
                socket.Dispose();
            }
        }
        throw new InvalidOperationException("No free RTP port in the configured range.");
    }

    private async Task RunAsync()
    {
        var buffer = ArrayPool<byte>.Shared.Rent(2048);
        EndPoint any = new IPEndPoint(_socket.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, any, _stop.Token).ConfigureAwait(false);
                await _socket.SendToAsync(buffer.AsMemory(0, received.ReceivedBytes), SocketFlags.None, received.RemoteEndPoint, _stop.Token)
                    .ConfigureAwait(false);
                Interlocked.Increment(ref _echoed);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Stopped, or the peer went away (ICMP port unreachable on some systems): the call's end disposes us.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _stop.Cancel();
        _socket.Dispose();
        _stop.Dispose();
    }
}
