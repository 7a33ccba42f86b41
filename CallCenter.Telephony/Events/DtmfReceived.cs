namespace CallCenter.Telephony.Events;

/// <summary>A DTMF digit arrived on a leg.</summary>
/// <param name="CallId">The call's id.</param>
/// <param name="At">When the digit ended (RFC 4733 end bit) or the INFO arrived.</param>
/// <param name="LegId">The leg it came from.</param>
/// <param name="Digit">0-9, *, #, A-D.</param>
/// <param name="Method">How it arrived.</param>
public sealed record DtmfReceived(Guid CallId, DateTimeOffset At, Guid LegId, char Digit, DtmfMethod Method) : CallEvent(CallId, At);
