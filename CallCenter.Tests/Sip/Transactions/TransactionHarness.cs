using System.Net;
using System.Threading.Channels;

using CallCenter.Telephony.Sip.Messages;
using CallCenter.Telephony.Sip.Transactions;
using CallCenter.Telephony.Sip.Transport;
using CallCenter.Tests.Support;

using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Tests.Sip.Transactions;

/// <summary>A transaction layer on a fake clock and a recording transport, with a scriptable TU.</summary>
public sealed class TransactionHarness : IDisposable
{
    public static readonly SipEndPoint Peer = SipEndPoint.Udp(new IPEndPoint(IPAddress.Loopback, 5099));
    public static readonly SipEndPoint TcpPeer = SipEndPoint.Tcp(new IPEndPoint(IPAddress.Loopback, 40123));

    private readonly Channel<(SipServerTransaction Transaction, SipRequest Request)> _calls = Channel.CreateUnbounded<(SipServerTransaction, SipRequest)>();

    public TransactionHarness(Func<SipServerTransaction, SipRequest, Task<bool>>? handler = null, IReadOnlyCollection<string>? methods = null)
    {
        Scheduler = new SipTimerScheduler(Clock);
        var tu = new ScriptedHandler(async (t, r) =>
        {
            Interlocked.Increment(ref _handled);
            _calls.Writer.TryWrite((t, r));
            return handler is null || await handler(t, r);
        }, methods ?? [SipMethods.Invite, SipMethods.Options]);
        Layer = new SipTransactionLayer(Transport, Scheduler, new SipTransactionTimers(), [tu], [], NullLogger<SipTransactionLayer>.Instance);
    }

    private int _handled;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public SipTimerScheduler Scheduler { get; }

    public FakeSipTransport Transport { get; } = new();

    public SipTransactionLayer Layer { get; }

    /// <summary>How many requests reached the TU.</summary>
    public int Handled => Volatile.Read(ref _handled);

    public ValueTask DeliverAsync(string text, SipEndPoint? source = null) =>
        Layer.OnMessageAsync(SipTestMessages.Parse(text), source ?? Peer, CancellationToken.None);

    /// <summary>The next request the TU got (the layer dispatches on the thread pool).</summary>
    public async Task<(SipServerTransaction Transaction, SipRequest Request)> NextCallAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        return await _calls.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>Advances the fake clock in 1 ms steps, so every timer fires at its own time.</summary>
    public void Run(TimeSpan span)
    {
        for (var elapsed = TimeSpan.Zero; elapsed < span; elapsed += TimeSpan.FromMilliseconds(1))
        {
            Clock.Advance(TimeSpan.FromMilliseconds(1));
        }
    }

    public int Count(Func<SipMessage, bool> match) => Transport.Sent.Count(s => match(s.Message));

    public int CountRequests(string method) => Count(m => m is SipRequest r && r.Method == method);

    public int CountResponses(int statusCode) => Count(m => m is SipResponse r && r.StatusCode == statusCode);

    public void Dispose() => Scheduler.Dispose();

    private sealed class ScriptedHandler(Func<SipServerTransaction, SipRequest, Task<bool>> handle, IReadOnlyCollection<string> methods) : ISipRequestHandler
    {
        public IReadOnlyCollection<string> SupportedMethods => methods;

        public Task<bool> OnRequestAsync(SipServerTransaction transaction, SipRequest request, CancellationToken cancellationToken) =>
            handle(transaction, request);
    }
}
