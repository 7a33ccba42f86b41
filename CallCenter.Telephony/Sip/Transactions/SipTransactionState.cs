namespace CallCenter.Telephony.Sip.Transactions;

/// <summary>States of the RFC 3261 §17 transaction machines (Accepted from RFC 6026 §7.1).</summary>
public enum SipTransactionState
{
    /// <summary>Client INVITE: request sent, no response yet (§17.1.1.2).</summary>
    Calling,

    /// <summary>Client or server non-INVITE: no response yet (§17.1.2.2, §17.2.2).</summary>
    Trying,

    /// <summary>A provisional response was sent or received.</summary>
    Proceeding,

    /// <summary>A final response was sent or received; waiting for retransmissions to end.</summary>
    Completed,

    /// <summary>Server INVITE: ACK received for a non-2xx final response (§17.2.1).</summary>
    Confirmed,

    /// <summary>INVITE answered with 2xx; absorbs retransmissions until Timer L/M (RFC 6026 §7.1).</summary>
    Accepted,

    /// <summary>Done; the transaction is removed from the table.</summary>
    Terminated,
}
