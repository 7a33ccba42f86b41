using System.Collections.Concurrent;
using System.Net;

using CallCenter.Telephony.Sip.Messages;
using CallCenter.Telephony.Sip.Transport;

namespace CallCenter.Tests.Support;

/// <summary>An <see cref="ISipTransport"/> that records what would be sent, for transaction tests without sockets.</summary>
public sealed class FakeSipTransport : ISipTransport
{
    private readonly ConcurrentQueue<(SipMessage Message, SipEndPoint Destination)> _sent = new();
    private readonly SemaphoreSlim _signal = new(0);

    public SipTransportState State => SipTransportState.Running;

    public string? FailureReason => null;

    public SipEndPoint? UdpEndPoint { get; } = SipEndPoint.Udp(new IPEndPoint(IPAddress.Loopback, 5060));

    public SipEndPoint? TcpEndPoint { get; } = SipEndPoint.Tcp(new IPEndPoint(IPAddress.Loopback, 5060));

    public string AdvertisedHost => "127.0.0.1";

    public int AdvertisedPort => 5060;

    public long InboundDropped => 0;

    public long InboundFiltered => 0;

    public int TcpConnectionCount => 0;

    /// <summary>When set, every send fails as a transport error.</summary>
    public bool Fail { get; set; }

    public IReadOnlyList<(SipMessage Message, SipEndPoint Destination)> Sent => [.. _sent];

    public IReadOnlyList<SipResponse> Responses => [.. _sent.Select(s => s.Message).OfType<SipResponse>()];

    public IReadOnlyList<SipRequest> Requests => [.. _sent.Select(s => s.Message).OfType<SipRequest>()];

    public ValueTask SendAsync(SipMessage message, SipEndPoint destination, CancellationToken cancellationToken)
    {
        if (Fail)
        {
            throw new SipSendException("fake transport failure");
        }
        _sent.Enqueue((message, destination));
        _signal.Release();
        return ValueTask.CompletedTask;
    }

    public ValueTask SendResponseAsync(SipResponse response, SipEndPoint requestSource, CancellationToken cancellationToken) =>
        SendAsync(response, SipViaRouting.ResponseDestination(response, requestSource)!, cancellationToken);

    /// <summary>Waits (on sends, not by polling) until <paramref name="count"/> messages match, or fails after 5 s.</summary>
    public async Task<IReadOnlyList<SipMessage>> WaitForAsync(Func<SipMessage, bool> match, int count = 1)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        while (true)
        {
            var found = _sent.Select(s => s.Message).Where(match).ToList();
            if (found.Count >= count)
            {
                return found;
            }
            try
            {
                await _signal.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new Xunit.Sdk.XunitException($"Expected {count} matching messages, got {found.Count}. Sent:\n" + string.Join("\n---\n", _sent.Select(s => s.Message)));
            }
        }
    }

    public Task<IReadOnlyList<SipMessage>> WaitForResponseAsync(int statusCode, int count = 1) =>
        WaitForAsync(m => m is SipResponse r && r.StatusCode == statusCode, count);
}
