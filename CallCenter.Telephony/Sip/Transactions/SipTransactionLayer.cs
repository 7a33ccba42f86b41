using System.Collections.Concurrent;
using System.Security.Cryptography;

using CallCenter.Telephony.Sip.Messages;
using CallCenter.Telephony.Sip.Transport;

using Microsoft.Extensions.Logging;

namespace CallCenter.Telephony.Sip.Transactions;

/// <summary>
/// The transaction layer (RFC 3261 §17): matches inbound requests and responses to transactions,
/// creates server transactions and hands new requests to the <see cref="ISipRequestHandler"/>s, runs
/// client transactions for the TUs. All timers run on the one <see cref="SipTimerScheduler"/>.
/// </summary>
public sealed partial class SipTransactionLayer : ISipTransactionLayer, ISipMessageReceiver
{
    private readonly ConcurrentDictionary<string, SipServerTransaction> _servers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SipClientTransaction> _clients = new(StringComparer.Ordinal);

    // RFC 3261 §8.2.2.2: (From tag, Call-ID, CSeq) of requests without To tag → the transaction that has them.
    private readonly ConcurrentDictionary<string, string> _merged = new(StringComparer.Ordinal);

    // RFC 3261 §13.3.1.4: INVITEs answered 2xx, by (Call-ID, CSeq number, From tag), so their ACK stops the retransmission.
    private readonly ConcurrentDictionary<string, SipInviteServerTransaction> _accepted = new(StringComparer.Ordinal);

    private readonly IReadOnlyList<ISipRequestHandler> _handlers;
    private readonly IReadOnlyList<ISipAckHandler> _ackHandlers;
    private readonly ISipTransport _transport;
    private readonly ILogger<SipTransactionLayer> _logger;
    private readonly SipTransactionContext _context;

    /// <summary>Creates the layer; handlers are asked in the order given (DI registration order).</summary>
    public SipTransactionLayer(
        ISipTransport transport,
        SipTimerScheduler scheduler,
        SipTransactionTimers timers,
        IEnumerable<ISipRequestHandler> handlers,
        IEnumerable<ISipAckHandler> ackHandlers,
        ILogger<SipTransactionLayer> logger)
    {
        _transport = transport;
        _logger = logger;
        _handlers = [.. handlers];
        _ackHandlers = [.. ackHandlers];
        _context = new SipTransactionContext(transport, scheduler, timers, logger, OnServerTerminated, OnClientTerminated)
        {
            InviteAccepted = OnInviteAccepted,
        };
    }

    /// <inheritdoc />
    public int ServerTransactionCount => _servers.Count;

    /// <inheritdoc />
    public int ClientTransactionCount => _clients.Count;

    /// <inheritdoc />
    public string NewBranch() => SipVia.MagicCookie + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(10));

    /// <inheritdoc />
    public ValueTask OnMessageAsync(SipMessage message, SipEndPoint source, CancellationToken cancellationToken)
    {
        switch (message)
        {
            case SipRequest request:
                return OnRequestAsync(request, source, cancellationToken);
            case SipResponse response:
                OnResponse(response);
                return ValueTask.CompletedTask;
            default:
                return ValueTask.CompletedTask;
        }
    }

    /// <inheritdoc />
    /// <remarks>A request without Via gets ours (advertised host and port, a new branch, rport).</remarks>
    public async Task<SipResponse> SendRequestAsync(SipRequest request, SipEndPoint destination, Action<SipResponse>? onProvisional = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var method = SipMessageFacts.Method(request);
        if (method == SipMethods.Ack)
        {
            throw new ArgumentException("An ACK is no transaction; use SendAckAsync.", nameof(request));
        }
        if (request.TopVia is null)
        {
            // RFC 3261 §8.1.1.7, §18.1.1: our sent-by, a fresh branch, and rport (RFC 3581) for NATed peers.
            var via = new SipVia(destination.ViaTransport, _transport.AdvertisedHost, _transport.AdvertisedPort, NewBranch());
            via.Parameters.Set("rport", null);
            request.Headers.Insert(0, SipHeaderNames.Via, via.ToString());
        }
        var key = SipTransactionKeys.Client(request)
            ?? throw new ArgumentException("The request's top Via needs an RFC 3261 branch (NewBranch).", nameof(request));
        SipClientTransaction transaction = method == SipMethods.Invite
            ? new SipInviteClientTransaction(_context, key, request, destination, onProvisional)
            : new SipNonInviteClientTransaction(_context, key, request, destination, onProvisional);
        if (!_clients.TryAdd(key, transaction))
        {
            throw new InvalidOperationException($"A client transaction with branch key {key} is running already.");
        }
        await transaction.StartAsync(cancellationToken).ConfigureAwait(false);
        return await transaction.FinalResponse.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask SendAckAsync(SipRequest ack, SipEndPoint destination, CancellationToken cancellationToken = default) =>
        _transport.SendAsync(ack, destination, cancellationToken);

    private void OnResponse(SipResponse response)
    {
        var key = SipTransactionKeys.Client(response);
        if (key is not null && _clients.TryGetValue(key, out var transaction))
        {
            transaction.OnResponse(response);
            return;
        }
        SipTransactionLog.StrayResponse(_logger, SipMessageFacts.StatusCode(response), SipMessageFacts.Branch(response));
    }

    private void OnServerTerminated(SipServerTransaction transaction)
    {
        _servers.TryRemove(KeyValuePair.Create(transaction.Key, transaction));
        var merge = SipTransactionKeys.Merge(transaction.Request);
        if (merge is not null)
        {
            _merged.TryRemove(KeyValuePair.Create(merge, transaction.Key));
        }
        if (transaction is SipInviteServerTransaction invite)
        {
            _accepted.TryRemove(KeyValuePair.Create(SipTransactionKeys.Dialog2xx(transaction.Request), invite));
        }
    }

    private void OnClientTerminated(SipClientTransaction transaction) =>
        _clients.TryRemove(KeyValuePair.Create(transaction.Key, transaction));
}
