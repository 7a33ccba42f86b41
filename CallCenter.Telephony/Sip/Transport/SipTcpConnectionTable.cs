using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace CallCenter.Telephony.Sip.Transport;

/// <summary>
/// Open TCP connections by remote end point (RFC 3261 §18: responses go back on the connection the
/// request came on; requests to the same peer reuse an open connection), with the idle sweep.
/// </summary>
internal sealed class SipTcpConnectionTable(int maxConnections, TimeProvider time, Action<SipTcpConnection> startReading)
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<IPEndPoint, SipTcpConnection> _connections = new();
    private readonly SemaphoreSlim _connectLock = new(1, 1);

    public int Count => _connections.Count;

    /// <summary>Adds an accepted (or connected) socket; false when the table is full (the caller closes it).</summary>
    public bool TryAdd(SipTcpConnection connection)
    {
        if (_connections.Count >= maxConnections)
        {
            return false;
        }
        _connections[connection.Remote.EndPoint] = connection;
        startReading(connection);
        return true;
    }

    public bool TryGet(IPEndPoint remote, out SipTcpConnection connection) => _connections.TryGetValue(remote, out connection!);

    public void Remove(SipTcpConnection connection) =>
        _connections.TryRemove(KeyValuePair.Create(connection.Remote.EndPoint, connection));

    /// <summary>The open connection to <paramref name="remote"/>, or a new one (RFC 3261 §18.2.2: open one when the old is gone).</summary>
    public async ValueTask<SipTcpConnection> GetOrConnectAsync(IPEndPoint remote, CancellationToken cancellationToken)
    {
        if (_connections.TryGetValue(remote, out var open))
        {
            return open;
        }
        await _connectLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_connections.TryGetValue(remote, out open))
            {
                return open;
            }
            var socket = new Socket(remote.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(ConnectTimeout);
                await socket.ConnectAsync(remote, timeout.Token).ConfigureAwait(false);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
            var connection = new SipTcpConnection(socket, time);
            if (!TryAdd(connection))
            {
                await connection.DisposeAsync().ConfigureAwait(false);
                throw new SipSendException($"Too many TCP connections to open one to {remote}.");
            }
            return connection;
        }
        finally
        {
            _connectLock.Release();
        }
    }

    /// <summary>Closes connections that saw no traffic for <paramref name="idle"/>; returns how many.</summary>
    public int CloseIdle(TimeSpan idle)
    {
        var closed = 0;
        foreach (var (_, connection) in _connections)
        {
            if (connection.IsIdle(idle))
            {
                Remove(connection);
                connection.Close();
                closed++;
            }
        }
        return closed;
    }

    public async ValueTask CloseAllAsync()
    {
        foreach (var (_, connection) in _connections)
        {
            Remove(connection);
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }
}
