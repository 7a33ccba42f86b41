namespace CallCenter.Telephony.Events;

/// <summary>
/// A leg (one SIP dialog) of the call began: the customer's INVITE arrived, or the engine sent an INVITE
/// to an agent, a trunk or a consulted party.
/// </summary>
/// <param name="CallId">The call's id.</param>
/// <param name="At">When the leg's INVITE was received or sent.</param>
/// <param name="LegId">The leg's id (a GUID v7 from <see cref="CallEventStream.NewLegId"/>); Core stores it as <c>CallLeg.Id</c>.</param>
/// <param name="Role">Whose dialog it is.</param>
/// <param name="Number">The far party's number: the caller's number, the agent's extension, the number dialled out.</param>
/// <param name="SipCallId">The leg's SIP Call-ID.</param>
public sealed record LegStarted(
    Guid CallId,
    DateTimeOffset At,
    Guid LegId,
    CallLegRole Role,
    string Number,
    string? SipCallId) : CallEvent(CallId, At);
