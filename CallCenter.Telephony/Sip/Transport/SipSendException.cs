namespace CallCenter.Telephony.Sip.Transport;

/// <summary>A message could not be sent: the transaction layer reports it to the TU as a transport error (RFC 3261 §8.1.3.1, §17.1.4).</summary>
public sealed class SipSendException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SipSendException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
