using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;

using CallCenter.Telephony.Sip.Messages;

namespace CallCenter.Telephony.Sip.Transport;

/// <summary>
/// One TCP connection (RFC 3261 §18.3): reads through a <see cref="PipeReader"/>, frames messages by
/// Content-Length, writes one message at a time. Closed when idle, on a malformed stream, or with the host.
/// </summary>
internal sealed class SipTcpConnection : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly CancellationTokenSource _closed = new();
    private readonly TimeProvider _time;
    private long _lastActivity;
    private int _disposed;

    public SipTcpConnection(Socket socket, TimeProvider time)
    {
        _socket = socket;
        _time = time;
        _stream = new NetworkStream(socket, ownsSocket: true);
        Remote = SipEndPoint.Tcp((IPEndPoint)socket.RemoteEndPoint!);
        Local = SipEndPoint.Tcp((IPEndPoint)socket.LocalEndPoint!);
        Touch();
    }

    /// <summary>The remote end point: the key of the connection table.</summary>
    public SipEndPoint Remote { get; }

    public SipEndPoint Local { get; }

    public CancellationToken Closed => _closed.Token;

    public bool IsIdle(TimeSpan idle) => _time.GetElapsedTime(Interlocked.Read(ref _lastActivity)) >= idle;

    /// <summary>
    /// Reads until the peer closes, the stream cannot be framed any more, or <paramref name="cancellationToken"/>
    /// fires; each message (or rejected message) the framer takes off goes to <paramref name="onMessage"/>.
    /// </summary>
    public async Task ReadLoopAsync(SipParserLimits limits, Action<SipTcpConnection, SipParseResult> onMessage, Action<SipTcpConnection, SipParseError> onMalformed, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _closed.Token);
        var reader = PipeReader.Create(_stream, new StreamPipeReaderOptions(bufferSize: 4096, minimumReadSize: 1024, leaveOpen: true));
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync(linked.Token).ConfigureAwait(false);
                Touch();
                var buffer = result.Buffer;
                SequencePosition examined;
                while (true)
                {
                    if (SipStreamFramer.TryReadMessage(ref buffer, out examined, out var parsed, limits))
                    {
                        onMessage(this, parsed);
                        continue;
                    }
                    if (parsed.Error == SipParseError.None)
                    {
                        // Incomplete: keep the rest, wait for more (RFC 3261 §18.3 frames by Content-Length).
                        break;
                    }
                    if (parsed.Error.IsFramingError())
                    {
                        // The message boundary is lost: close this connection only.
                        onMalformed(this, parsed.Error);
                        return;
                    }
                    // A bad message with a sound frame: consumed; answer it if we can and read on.
                    onMessage(this, parsed);
                }
                reader.AdvanceTo(buffer.Start, examined);
                if (result.IsCompleted || result.IsCanceled)
                {
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The peer went away, the host stops, or the idle sweep closed us.
        }
        finally
        {
            await reader.CompleteAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask SendAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _closed.Token);
        await _writeLock.WaitAsync(linked.Token).ConfigureAwait(false);
        try
        {
            await _stream.WriteAsync(data, linked.Token).ConfigureAwait(false);
            Touch();
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public void Close()
    {
        try
        {
            _closed.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Closed already.
        }
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Already gone.
        }
        _socket.Close();
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        Close();
        await _stream.DisposeAsync().ConfigureAwait(false);
    }

    private void Touch() => Interlocked.Exchange(ref _lastActivity, _time.GetTimestamp());
}
