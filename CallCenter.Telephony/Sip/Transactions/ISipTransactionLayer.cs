using CallCenter.Telephony.Sip.Messages;
using CallCenter.Telephony.Sip.Transport;

namespace CallCenter.Telephony.Sip.Transactions;

/// <summary>
/// The client side of the transaction layer (RFC 3261 §17.1) for the TUs: send a request and get its
/// final response; retransmissions, timeouts and the ACK for a non-2xx are handled here.
/// </summary>
public interface ISipTransactionLayer
{
    /// <summary>
    /// Sends <paramref name="request"/> in a new client transaction and completes with its final
    /// response. Timer B/F expiry completes with a 408 and a transport error with a 503, both made
    /// locally (RFC 3261 §8.1.3.1). A request without Via gets ours (advertised sent-by,
    /// a new branch, rport); one with a Via must carry an RFC 3261 branch (<see cref="NewBranch"/>). For INVITE the ACK for a 3xx-6xx is sent here (§17.1.1.3), the ACK for
    /// a 2xx is the TU's (<see cref="SendAckAsync"/>). Retransmissions of the 2xx are absorbed until
    /// Timer M (RFC 6026 §8.4); the TU re-sends its ACK from its dialog if it needs to.
    /// </summary>
    /// <param name="request">The request, with Via, From (tag), To, Call-ID, CSeq, Max-Forwards.</param>
    /// <param name="destination">Where to send it (resolved next hop, RFC 3263 done by the caller).</param>
    /// <param name="onProvisional">Called for each 1xx, on a transport thread; keep it short.</param>
    /// <param name="cancellationToken">Stops waiting; the transaction itself runs on to its end.</param>
    Task<SipResponse> SendRequestAsync(SipRequest request, SipEndPoint destination, Action<SipResponse>? onProvisional = null, CancellationToken cancellationToken = default);

    /// <summary>Sends an ACK for a 2xx, which is no transaction of its own (RFC 3261 §13.2.2.4, §17.1.1.3).</summary>
    ValueTask SendAckAsync(SipRequest ack, SipEndPoint destination, CancellationToken cancellationToken = default);

    /// <summary>A new Via branch with the RFC 3261 magic cookie "z9hG4bK" (§8.1.1.7).</summary>
    string NewBranch();

    /// <summary>Server transactions currently in the table (for tests and metrics).</summary>
    int ServerTransactionCount { get; }

    /// <summary>Client transactions currently in the table.</summary>
    int ClientTransactionCount { get; }
}
