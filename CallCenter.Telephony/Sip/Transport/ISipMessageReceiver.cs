using CallCenter.Telephony.Sip.Messages;

namespace CallCenter.Telephony.Sip.Transport;

/// <summary>
/// Takes parsed inbound messages from the transport (the transaction layer implements it). Called by
/// the processing workers after RFC 3581 received/rport were added to a request's top Via.
/// </summary>
public interface ISipMessageReceiver
{
    /// <summary>Handles one message. Must not throw for bad input; it is called on a shared worker, so long work belongs to a task of its own.</summary>
    ValueTask OnMessageAsync(SipMessage message, SipEndPoint source, CancellationToken cancellationToken);
}
