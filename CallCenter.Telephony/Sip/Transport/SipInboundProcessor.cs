using System.Buffers;
using System.Security.Cryptography;

using CallCenter.Telephony.Sip.Messages;

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CallCenter.Telephony.Sip.Transport;

/// <summary>
/// The processing side of the inbound queue: a few workers parse datagrams, stamp RFC 3581
/// received/rport into requests, answer malformed requests that can be answered (400/505/513, RFC 4475
/// §3.1.2) and drop the rest, then hand messages to the <see cref="ISipMessageReceiver"/> (the
/// transaction layer). One bad message never stops a worker.
/// </summary>
public sealed partial class SipInboundProcessor(
    SipInboundQueue queue,
    ISipTransport transport,
    ISipMessageReceiver receiver,
    ILogger<SipInboundProcessor> logger,
    TimeProvider? time = null) : BackgroundService
{
    private readonly SipLogGate _malformed = new(time ?? TimeProvider.System, TimeSpan.FromSeconds(10));
    private readonly SipLogGate _failures = new(time ?? TimeProvider.System, TimeSpan.FromSeconds(10));
    private long _malformedCount;

    /// <summary>Messages that did not parse (answered or dropped).</summary>
    public long MalformedCount => Interlocked.Read(ref _malformedCount);

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var workers = Math.Clamp(Environment.ProcessorCount, 2, 8);
        var tasks = new Task[workers];
        for (var i = 0; i < workers; i++)
        {
            tasks[i] = Task.Run(() => WorkAsync(stoppingToken), CancellationToken.None);
        }
        return Task.WhenAll(tasks);
    }

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        var reader = queue.Reader;
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                while (reader.TryRead(out var packet))
                {
                    queue.OnDequeued(packet);
                    try
                    {
                        await ProcessAsync(packet, stoppingToken).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                    {
                        if (_failures.TryEnter(out var suppressed))
                        {
                            LogProcessingFailed(ex, packet.Source, suppressed);
                        }
                    }
                    finally
                    {
                        if (packet.Buffer is not null)
                        {
                            ArrayPool<byte>.Shared.Return(packet.Buffer);
                        }
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async ValueTask ProcessAsync(SipInboundPacket packet, CancellationToken cancellationToken)
    {
        var parsed = packet.Buffer is null ? packet.Parsed : SipMessageParser.Parse(packet.Buffer.AsSpan(0, packet.Length));
        if (parsed.Success)
        {
            var message = parsed.Message!;
            if (message is SipRequest request)
            {
                SipViaRouting.StampReceived(request, packet.Source);
            }
            await receiver.OnMessageAsync(message, packet.Source, cancellationToken).ConfigureAwait(false);
            return;
        }
        if (parsed.Error == SipParseError.Empty)
        {
            return;
        }
        Interlocked.Increment(ref _malformedCount);
        if (_malformed.TryEnter(out var suppressed))
        {
            LogMalformed(packet.Source, parsed.Error, parsed.CanRespond, suppressed);
        }
        if (parsed.RejectedRequest is { } rejected && rejected.Method != SipMethods.Ack)
        {
            // RFC 4475 §3.1.2: answer when the request parsed far enough to route a response; never answer an ACK.
            SipViaRouting.StampReceived(rejected, packet.Source);
            var toTag = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
            var response = SipResponse.CreateFor(rejected, parsed.StatusCode, parsed.Error.ToReasonPhrase(), toTag);
            await transport.SendResponseAsync(response, packet.Source, cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SIP malformed message from {Source}: {Error}, answered: {Answered} ({Suppressed} more since the last report)")]
    private partial void LogMalformed(SipEndPoint source, SipParseError error, bool answered, long suppressed);

    [LoggerMessage(Level = LogLevel.Error, Message = "SIP processing a message from {Source} failed ({Suppressed} more since the last report)")]
    private partial void LogProcessingFailed(Exception exception, SipEndPoint source, long suppressed);
}
