using System.Net.Sockets;

using CallCenter.Telephony.Sip.Messages;

namespace CallCenter.Telephony.Sip.Transport;

public sealed partial class SipTransportService
{
    /// <inheritdoc />
    public async ValueTask SendAsync(SipMessage message, SipEndPoint destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(destination);
        if (!SipAddressGuard.IsUnicast(destination.EndPoint.Address))
        {
            LogRefusedDestination(destination);
            throw new SipSendException($"Refused to send to {destination}: not a unicast address.");
        }
        if (State != SipTransportState.Running)
        {
            throw new SipSendException($"The SIP transport is {State}.");
        }
        using var writer = new PooledBufferWriter();
        message.WriteTo(writer);
        try
        {
            if (destination.Protocol == SipTransportProtocol.Udp)
            {
                await _udp!.SendToAsync(writer.WrittenMemory, SocketFlags.None, destination.EndPoint, cancellationToken).ConfigureAwait(false);
                return;
            }
            var connection = await _connections.GetOrConnectAsync(destination.EndPoint, cancellationToken).ConfigureAwait(false);
            await connection.SendAsync(writer.WrittenMemory, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SocketException or IOException or ObjectDisposedException)
        {
            throw new SipSendException($"Sending to {destination} failed: {ex.Message}", ex);
        }
    }

    /// <inheritdoc />
    public ValueTask SendResponseAsync(SipResponse response, SipEndPoint requestSource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        var destination = SipViaRouting.ResponseDestination(response, requestSource)
            ?? throw new SipSendException("The response has no top Via to route it by.");
        if (requestSource.IsReliable && !_connections.TryGet(requestSource.EndPoint, out _) && response.TopVia is { } via)
        {
            // RFC 3261 §18.2.2: the connection is gone; open one to received (source address) and the sent-by port.
            destination = SipEndPoint.Tcp(new System.Net.IPEndPoint(requestSource.EndPoint.Address, via.Port ?? 5060));
        }
        return SendAsync(response, destination, cancellationToken);
    }
}
