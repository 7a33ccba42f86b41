namespace CallCenter.Telephony.Media;

/// <summary>Every RTP port pair of the configured range is in use (the call gets a 503 or 488).</summary>
public sealed class RtpPortsExhaustedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RtpPortsExhaustedException()
        : base("No RTP port pair is free in the configured range (CallCenter:Rtp PortMin..PortMax).")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public RtpPortsExhaustedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public RtpPortsExhaustedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
