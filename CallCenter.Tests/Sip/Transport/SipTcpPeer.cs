using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;

using CallCenter.Telephony.Sip.Messages;

namespace CallCenter.Tests.Sip.Transport;

/// <summary>A TCP SIP peer: writes raw bytes, reads framed messages.</summary>
public sealed class SipTcpPeer : IAsyncDisposable
{
    private readonly TcpClient _client;
    private readonly NetworkStream _stream;
    private readonly PipeReader _reader;

    private SipTcpPeer(TcpClient client)
    {
        _client = client;
        _stream = client.GetStream();
        _reader = PipeReader.Create(_stream);
    }

    public static async Task<SipTcpPeer> ConnectAsync(IPEndPoint server)
    {
        var client = new TcpClient(AddressFamily.InterNetwork) { NoDelay = true };
        await client.ConnectAsync(server);
        return new SipTcpPeer(client);
    }

    /// <summary>Wraps a connection a test listener accepted.</summary>
    public static SipTcpPeer Adopt(TcpClient client) => new(client);

    public int Port => ((IPEndPoint)_client.Client.LocalEndPoint!).Port;

    public async Task WriteAsync(ReadOnlyMemory<byte> data)
    {
        await _stream.WriteAsync(data);
        await _stream.FlushAsync();
    }

    /// <summary>The next message; null when the server closed the connection. Fails after 5 s.</summary>
    public async Task<SipMessage?> ReadAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(5));
        while (true)
        {
            ReadResult result;
            try
            {
                result = await _reader.ReadAsync(cts.Token);
            }
            catch (IOException)
            {
                // Reset by the server: closed as well.
                return null;
            }
            var buffer = result.Buffer;
            if (SipStreamFramer.TryReadMessage(ref buffer, out SequencePosition examined, out var parsed))
            {
                _reader.AdvanceTo(buffer.Start, buffer.Start);
                return parsed.Message;
            }
            if (parsed.Error != SipParseError.None)
            {
                throw new InvalidOperationException("Server sent an unframeable stream: " + parsed.Error);
            }
            _reader.AdvanceTo(buffer.Start, examined);
            if (result.IsCompleted)
            {
                return null;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _reader.CompleteAsync();
        _client.Dispose();
    }
}
