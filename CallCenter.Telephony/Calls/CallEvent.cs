namespace CallCenter.Telephony.Calls;

/// <summary>
/// One step of a call, published on <see cref="CallRegistry.Events"/>. The typed events of
/// Telephony/Events (CallOffered, CallAnswered...) are raised from these once that port is merged.
/// </summary>
/// <param name="CallId">The call's id (the A leg's Call-ID).</param>
/// <param name="Kind">What happened.</param>
/// <param name="From">The caller's user part.</param>
/// <param name="To">The dialled number.</param>
/// <param name="At">When it happened.</param>
public sealed record CallEvent(string CallId, CallEventKind Kind, string From, string To, DateTimeOffset At)
{
    /// <summary>For <see cref="CallEventKind.Ended"/>: the SIP status or reason that ended the call ("normal", "486"...).</summary>
    public string? Cause { get; init; }

    /// <summary>For <see cref="CallEventKind.Ended"/>: who hung up.</summary>
    public CallParty? HungUpBy { get; init; }

    /// <summary>For <see cref="CallEventKind.Dtmf"/>: the digit (0-9, *, #, A-D).</summary>
    public char? Digit { get; init; }
}
