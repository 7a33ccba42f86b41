namespace CallCenter.Telephony.Calls.Control;

/// <summary>
/// The call-control API: what agents' and supervisors' pages do to live calls. Calls are named by their id on the
/// call event stream (<c>CallOffered.CallId</c>); <c>byExtension</c> is the acting agent's extension, whose leg the
/// operation acts from (the "customer" is the other party). Every method returns a result; none throws for a call
/// that cannot be acted on: the result says why (<see cref="CallControlError"/>). Operations on one call run one at
/// a time, in order.
/// </summary>
public interface ICallControl
{
    /// <summary>Click-to-dial: rings the agent's phone, and when the agent answers calls <paramref name="number"/> (an extension or, through a trunk, an outside number). The result's id is the new call's.</summary>
    Task<CallControlResult> OriginateAsync(string agentExtension, string number, CancellationToken cancellationToken = default);

    /// <summary>
    /// The live call of the agent at <paramref name="extension"/> as its phone bar shows it (state, other party, caller
    /// identification, allowed actions), or null when the agent is on no call. The most recent one if there are several.
    /// </summary>
    AgentCallView? GetAgentCall(string extension);

    /// <summary>Ends the call for everyone.</summary>
    Task<CallControlResult> HangupAsync(Guid callId, CancellationToken cancellationToken = default);

    /// <summary>Holds the other party: it hears music on hold, the agent hears silence.</summary>
    Task<CallControlResult> HoldAsync(Guid callId, string byExtension, CancellationToken cancellationToken = default);

    /// <summary>Takes the other party off hold.</summary>
    Task<CallControlResult> ResumeAsync(Guid callId, string byExtension, CancellationToken cancellationToken = default);

    /// <summary>Blind transfer of the other party to <paramref name="number"/>; the agent leaves at once. Completes when the target answers (id: the target's leg).</summary>
    Task<CallControlResult> BlindTransferAsync(Guid callId, string byExtension, string number, CancellationToken cancellationToken = default);

    /// <summary>Consultation: holds the other party and calls <paramref name="number"/> for the agent. Completes when it answers (id: its leg) or fails (the agent is back with the customer).</summary>
    Task<CallControlResult> ConsultAsync(Guid callId, string byExtension, string number, CancellationToken cancellationToken = default);

    /// <summary>Completes the consultation: the held party and the consulted party are connected, the agent leaves.</summary>
    Task<CallControlResult> CompleteTransferAsync(Guid callId, string byExtension, CancellationToken cancellationToken = default);

    /// <summary>Cancels the consultation (ringing or connected): the agent is back with the held party.</summary>
    Task<CallControlResult> CancelConsultAsync(Guid callId, string byExtension, CancellationToken cancellationToken = default);

    /// <summary>Three-way call: adds <paramref name="number"/>; when it answers everyone hears everyone else (id: its leg).</summary>
    Task<CallControlResult> ConferenceAddAsync(Guid callId, string byExtension, string number, CancellationToken cancellationToken = default);

    /// <summary>Drops a party added to the three-way call; the agent keeps the customer.</summary>
    Task<CallControlResult> ConferenceDropAsync(Guid callId, string byExtension, Guid legId, CancellationToken cancellationToken = default);

    /// <summary>A supervisor joins the call of <paramref name="agentExtension"/>: its phone rings, and on answer it listens, whispers or barges (id: its leg).</summary>
    Task<CallControlResult> MonitorAsync(Guid callId, string agentExtension, string supervisorExtension, MonitorMode mode, CancellationToken cancellationToken = default);

    /// <summary>Changes a joined supervisor's mode (listen → whisper → barge).</summary>
    Task<CallControlResult> SetMonitorModeAsync(Guid callId, Guid supervisorLegId, MonitorMode mode, CancellationToken cancellationToken = default);

    /// <summary>Starts (or resumes) recording the call on demand.</summary>
    Task<CallControlResult> StartRecordingAsync(Guid callId, CancellationToken cancellationToken = default);

    /// <summary>Stops (pauses) the call's recording.</summary>
    Task<CallControlResult> StopRecordingAsync(Guid callId, CancellationToken cancellationToken = default);

    /// <summary>Sends <paramref name="digits"/> (0-9, *, #, A-D) as RFC 4733 events to the other party (IVRs of the party called), or to the consulted party while consulting.</summary>
    Task<CallControlResult> SendDtmfAsync(Guid callId, string byExtension, string digits, CancellationToken cancellationToken = default);
}
