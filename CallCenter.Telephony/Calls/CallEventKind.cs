namespace CallCenter.Telephony.Calls;

/// <summary>The steps of a call that <see cref="CallEvent"/> reports.</summary>
public enum CallEventKind
{
    /// <summary>An INVITE was accepted for routing (authenticated, number resolved).</summary>
    Offered,

    /// <summary>The callee is alerting (180/183).</summary>
    Ringing,

    /// <summary>The call was answered (200 OK sent to the caller).</summary>
    Answered,

    /// <summary>A DTMF digit arrived (SIP INFO application/dtmf-relay).</summary>
    Dtmf,

    /// <summary>The call ended, answered or not.</summary>
    Ended,
}
