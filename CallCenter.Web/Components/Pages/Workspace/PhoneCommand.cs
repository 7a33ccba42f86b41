namespace CallCenter.Web.Components.Pages.Workspace;

/// <summary>What the agent asked the phone bar to do; the workspace page carries it out through the call-control API or the ACD.</summary>
/// <param name="Kind">Which action.</param>
/// <param name="Argument">The number (transfer, consult, add), the digits (DTMF) or the NotReady reason.</param>
/// <param name="LegId">For dropping a party of a three-way call: its leg.</param>
public sealed record PhoneCommand(PhoneCommandKind Kind, string? Argument = null, Guid? LegId = null);

/// <summary>The phone bar's actions.</summary>
public enum PhoneCommandKind
{
    Ready,
    NotReady,
    Hangup,
    Hold,
    Resume,
    BlindTransfer,
    Consult,
    CompleteTransfer,
    CancelConsult,
    ConferenceAdd,
    ConferenceDrop,
    StartRecording,
    StopRecording,
    SendDtmf,
}
