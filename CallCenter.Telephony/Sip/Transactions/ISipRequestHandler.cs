using CallCenter.Telephony.Sip.Messages;

namespace CallCenter.Telephony.Sip.Transactions;

/// <summary>
/// A Transaction User (RFC 3261 §17): gets each new request with its server transaction. Handlers are
/// asked in registration order until one claims the request by returning true; a claiming handler has
/// answered or will answer through <see cref="SipServerTransaction.SendResponseAsync"/>. A request
/// nobody claims is answered 405 with Allow for a method some handler lists in
/// <see cref="SupportedMethods"/> or a well-known one, 501 otherwise (RFC 3261 §8.2.1).
/// Request retransmissions, ACKs for non-2xx and CANCELs are handled by the transaction layer and never
/// reach a handler; a CANCEL shows up as <see cref="SipServerTransaction.CancelRequested"/> on the INVITE.
/// Handlers are called on the inbound worker that took the request off the queue: they must not block
/// (await I/O, never wait on it), so that the worker is free again at their first await.
/// </summary>
public interface ISipRequestHandler
{
    /// <summary>Methods this handler serves, listed in Allow (RFC 3261 §20.5).</summary>
    IReadOnlyCollection<string> SupportedMethods => [];

    /// <summary>Handles a new request; true when this handler owns it (has answered or will answer).</summary>
    /// <param name="transaction">The server transaction to answer on.</param>
    /// <param name="request">The request (RFC 3581 received/rport already in its top Via).</param>
    /// <param name="cancellationToken">Stops with the host.</param>
    Task<bool> OnRequestAsync(SipServerTransaction transaction, SipRequest request, CancellationToken cancellationToken);
}
