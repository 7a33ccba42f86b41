namespace CallCenter.Telephony.Calls.Control;

/// <summary>
/// Builds an agent's <see cref="AgentCallView"/> from the call's state. The allowed actions mirror the checks the B2BUA
/// makes when it acts (hold needs a connected two-party call not held, complete needs an answered consultation...), so
/// a phone bar that enables exactly these is refused only in a race, and then says why.
/// </summary>
internal static class AgentCallViews
{
    private const AgentCallActions Connected =
        AgentCallActions.Hangup | AgentCallActions.Hold | AgentCallActions.BlindTransfer | AgentCallActions.Consult
        | AgentCallActions.ConferenceAdd | AgentCallActions.SendDtmf;

    public static AgentCallView Describe(CallSession session, CallLeg leg)
    {
        var mainParty = ReferenceEquals(leg, session.Caller) || ReferenceEquals(leg, session.Callee);
        var added = session.IsMixed
            ? session.MixedLegs.Where(m => !ReferenceEquals(m.Leg, session.Caller) && !ReferenceEquals(m.Leg, session.Callee) && m.Leg.MonitoredAgent is null)
                .Select(m => (m.Leg.LegId, m.Leg.Number)).ToList()
            : [];
        var (state, actions) = leg.Dialog is null
            ? (AgentCallState.Ringing, AgentCallActions.None)
            : session.Consultation is { } consultation && ReferenceEquals(consultation.Agent, leg)
                ? (AgentCallState.Consulting, AgentCallActions.Hangup | AgentCallActions.CancelConsult
                    | (consultation.Consulted is not null ? AgentCallActions.CompleteTransfer : AgentCallActions.None))
                : session.IsMixed
                    ? (AgentCallState.Conference, AgentCallActions.Hangup | (added.Count > 0 ? AgentCallActions.ConferenceDrop : AgentCallActions.None))
                    : ReferenceEquals(session.HeldBy, leg)
                        ? (AgentCallState.Held, AgentCallActions.Hangup | AgentCallActions.Resume)
                        : (AgentCallState.Talking, mainParty && session.AnsweredAt is not null && session.HeldBy is null ? Connected : AgentCallActions.Hangup);
        if (state != AgentCallState.Ringing && mainParty)
        {
            actions |= session.Recorder is { IsPaused: false } ? AgentCallActions.StopRecording : AgentCallActions.StartRecording;
        }
        var other = ReferenceEquals(leg, session.Caller) ? session.Callee?.Number ?? session.To : session.Caller.Number;
        return new AgentCallView(
            session.CallId,
            leg.LegId,
            state,
            string.IsNullOrEmpty(other) ? session.From : other,
            session.To,
            session.QueueName,
            session.StartedAt,
            leg.Dialog is null ? null : session.AnsweredAt ?? session.StartedAt,
            session.Recorder is { IsPaused: false },
            session.CallerInfo,
            added,
            actions);
    }
}
