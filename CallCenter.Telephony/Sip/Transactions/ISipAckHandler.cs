using CallCenter.Telephony.Sip.Messages;
using CallCenter.Telephony.Sip.Transport;

namespace CallCenter.Telephony.Sip.Transactions;

/// <summary>
/// Gets ACKs that belong to no transaction: the ACK for a 2xx is a transaction of its own that is never
/// answered (RFC 3261 §17.1.1.3, §13.3.1.4), so the dialog layer / UAS core takes it here.
/// </summary>
public interface ISipAckHandler
{
    /// <summary>Handles an ACK for a 2xx (or a stray ACK).</summary>
    ValueTask OnAckAsync(SipRequest ack, SipEndPoint source, CancellationToken cancellationToken);
}
