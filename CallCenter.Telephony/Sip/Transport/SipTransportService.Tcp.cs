using System.Net.Sockets;

using CallCenter.Telephony.Sip.Messages;

namespace CallCenter.Telephony.Sip.Transport;

public sealed partial class SipTransportService
{
    private async Task AcceptTcpAsync(CancellationToken stoppingToken)
    {
        var listener = _tcp!;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                Socket socket;
                try
                {
                    socket = await listener.AcceptAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (SocketException ex) when (ex.SocketErrorCode is SocketError.ConnectionReset or SocketError.ConnectionAborted)
                {
                    continue;
                }
                socket.NoDelay = true;
                var connection = new SipTcpConnection(socket, _time);
                if (!_connections.TryAdd(connection))
                {
                    LogTooManyConnections(connection.Remote);
                    await connection.DisposeAsync().ConfigureAwait(false);
                }
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
            FailureReason = "TCP accept failed: " + ex.Message;
            LogReceiveFailed(ex, "TCP");
        }
    }

    // Called by the connection table for every accepted or opened connection.
    private void StartReading(SipTcpConnection connection)
    {
        var reader = Task.Run(() => ReadConnectionAsync(connection), CancellationToken.None);
        lock (_readers)
        {
            _readers.RemoveAll(t => t.IsCompleted);
            _readers.Add(reader);
        }
    }

    private async Task ReadConnectionAsync(SipTcpConnection connection)
    {
        try
        {
            await connection.ReadLoopAsync(_limits, OnTcpMessage, OnTcpMalformed, _stopping).ConfigureAwait(false);
        }
        finally
        {
            _connections.Remove(connection);
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void OnTcpMessage(SipTcpConnection connection, SipParseResult parsed)
    {
        if (Admit(connection.Remote, 0))
        {
            _queue.TryEnqueue(SipInboundPacket.Framed(connection.Remote, parsed));
        }
    }

    private void OnTcpMalformed(SipTcpConnection connection, SipParseError error)
    {
        if (_receiveErrors.TryEnter(out var suppressed))
        {
            LogStreamMalformed(connection.Remote, error, suppressed);
        }
    }
}
