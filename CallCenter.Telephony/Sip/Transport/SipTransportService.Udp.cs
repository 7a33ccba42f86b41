using System.Buffers;
using System.Net;
using System.Net.Sockets;

namespace CallCenter.Telephony.Sip.Transport;

public sealed partial class SipTransportService
{
    private async Task ReceiveUdpAsync(CancellationToken stoppingToken)
    {
        var socket = _udp!;
        var buffer = ArrayPool<byte>.Shared.Rent(MaxDatagram);
        EndPoint any = new IPEndPoint(socket.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                SocketReceiveFromResult received;
                try
                {
                    received = await socket.ReceiveFromAsync(buffer, SocketFlags.None, any, stoppingToken).ConfigureAwait(false);
                }
                catch (SocketException ex) when (ex.SocketErrorCode is SocketError.ConnectionReset or SocketError.MessageSize)
                {
                    // ICMP port unreachable from an earlier send, or an oversized datagram: not our listener's problem.
                    continue;
                }
                OnDatagram(buffer, received.ReceivedBytes, (IPEndPoint)received.RemoteEndPoint);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException
            || (ex is SocketException && stoppingToken.IsCancellationRequested))
        {
            // Stopping.
        }
        catch (SocketException ex)
        {
            State = SipTransportState.Failed;
            FailureReason = "UDP receive failed: " + ex.Message;
            LogReceiveFailed(ex, "UDP");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void OnDatagram(byte[] buffer, int length, IPEndPoint remote)
    {
        // Per message: nothing a datagram holds may stop the loop.
        try
        {
            if (length == 0)
            {
                return;
            }
            var source = SipEndPoint.Udp(remote);
            if (!Admit(source, length))
            {
                return;
            }
            if (length <= 4 && buffer.AsSpan(0, length).IndexOfAnyExcept((byte)'\r', (byte)'\n') < 0)
            {
                // RFC 5626 §3.5.1 CRLF keep-alive (§4.4.1 allows it over UDP from some UAs): nothing to parse.
                return;
            }
            var copy = ArrayPool<byte>.Shared.Rent(length);
            buffer.AsSpan(0, length).CopyTo(copy);
            _queue.TryEnqueue(SipInboundPacket.Datagram(source, copy, length));
        }
        catch (Exception ex)
        {
            if (_receiveErrors.TryEnter(out var suppressed))
            {
                LogDatagramFailed(ex, remote, suppressed);
            }
        }
    }
}
