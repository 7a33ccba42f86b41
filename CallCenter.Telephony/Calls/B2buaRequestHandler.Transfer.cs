using CallCenter.Telephony.Calls.Control;
using CallCenter.Telephony.Events;

namespace CallCenter.Telephony.Calls;

public sealed partial class B2buaRequestHandler
{
    // Transfers, as a contact center's agents expect them:
    // - blind: the agent is released at once; the customer waits (held) while the target rings and is connected
    //   when it answers; if the target fails the call ends with the target's cause (nobody is left to return to);
    // - attended (consult): the customer is held, the agent talks to the consulted party; complete connects the
    //   customer to it and releases the agent, cancel hangs the consulted party up and returns the agent to the
    //   customer. The agent hanging up while consulting completes the transfer; the consulted party hanging up
    //   cancels it.

    /// <summary>
    /// Blind transfer of the agent's call to <paramref name="number"/>. From call control the agent is released at
    /// once and a failed target ends the call; from a phone's REFER (<paramref name="referOutcome"/> set) the phone
    /// stays until the outcome is told to it, and a failure returns it to the other party (RFC 3515 §2.4.5).
    /// </summary>
    internal async Task<CallControlResult> BlindTransferAsync(CallSession session, CallLeg agent, string number, Func<int, Task>? referOutcome = null)
    {
        if (session.Consultation is not null || session.IsMixed || !IsMainParty(session, agent) || session.Other(agent) is not { Media.Audio: { } audio } customer)
        {
            return CallControlResult.Fail(CallControlError.InvalidState, "The call is not a connected two-party call.");
        }
        session.HeldBy = null;
        session.Transferring = agent;
        session.ReplaceBridge(null);
        await StartHoldMusicAsync(session, customer).ConfigureAwait(false);
        if (referOutcome is null)
        {
            events.Publish(new CallTransferred(session.CallId, events.Now, agent.LegId, number, Attended: false));
            await ReleaseAsync(session, agent).ConfigureAwait(false);
        }
        var (target, status) = await DialLegAsync(session, number, customer.Number, agent.Extension, CallLegRole.Agent, audio.Codec, CancellationToken.None)
            .ConfigureAwait(false);
        session.Transferring = null;
        if (referOutcome is not null)
        {
            await referOutcome(status).ConfigureAwait(false);
        }
        if (target is null)
        {
            if (referOutcome is not null && !agent.Ended)
            {
                StopHoldMusic(session, customer);
                Connect(session, customer, agent);
            }
            else
            {
                await EndAsync(session, CallParty.System, MapCalleeFailureCause(status), status, CancellationToken.None).ConfigureAwait(false);
            }
            return CallControlResult.FromStatus(status, number);
        }
        if (referOutcome is not null)
        {
            events.Publish(new CallTransferred(session.CallId, events.Now, agent.LegId, number, Attended: false));
            await ReleaseAsync(session, agent).ConfigureAwait(false);
        }
        ReplaceParty(session, agent, target);
        StopHoldMusic(session, customer);
        Connect(session, customer, target);
        return CallControlResult.Ok(target.LegId);
    }

    /// <summary>Starts a consultation: the customer is held and <paramref name="number"/> is called for the agent.</summary>
    internal async Task<CallControlResult> ConsultAsync(CallSession session, CallLeg agent, string number)
    {
        if (session.Consultation is not null || !IsMainParty(session, agent) || session.Other(agent) is not { Media.Audio: { } audio } customer)
        {
            return CallControlResult.Fail(CallControlError.InvalidState, "The call is not a connected two-party call.");
        }
        // A customer the agent held already is held by the consultation from now on: the hold ends with it (transfer
        // or return), else it would outlive the agent's leg and refuse the next hold of whoever has the customer.
        var alreadyHeld = session.HeldBy is not null;
        session.HeldBy = null;
        session.Consultation = new Consultation(agent, customer, null, number);
        session.ReplaceBridge(null);
        await StartHoldMusicAsync(session, customer).ConfigureAwait(false);
        if (!alreadyHeld)
        {
            events.Publish(new CallHeld(session.CallId, events.Now, agent.LegId));
        }
        var (consulted, status) = await DialLegAsync(session, number, agent.Extension ?? agent.Number, agent.Extension, CallLegRole.Consult, audio.Codec,
            session.ConsultCancel.Token).ConfigureAwait(false);
        if (consulted is null)
        {
            // Back to the customer, as if the agent had cancelled.
            ReturnToCustomer(session);
            return CallControlResult.FromStatus(status, number);
        }
        session.Consultation = session.Consultation with { Consulted = consulted };
        Connect(session, agent, consulted);
        return CallControlResult.Ok(consulted.LegId);
    }

    /// <summary>Completes the consultation: the customer and the consulted party are connected, the agent released.</summary>
    internal async Task<CallControlResult> CompleteTransferAsync(CallSession session)
    {
        if (session.Consultation is not { Consulted: { } consulted } consultation)
        {
            return CallControlResult.Fail(CallControlError.InvalidState, "No consulted party is connected.");
        }
        session.Consultation = null;
        events.Publish(new CallTransferred(session.CallId, events.Now, consultation.Agent.LegId, consultation.Number, Attended: true));
        ReplaceParty(session, consultation.Agent, consulted);
        StopHoldMusic(session, consultation.Held);
        Connect(session, consultation.Held, consulted);
        await ReleaseAsync(session, consultation.Agent).ConfigureAwait(false);
        return CallControlResult.Ok(consulted.LegId);
    }

    /// <summary>Cancels the consultation: the consulted party (ringing or connected) is hung up, the agent is back with the customer.</summary>
    internal async Task<CallControlResult> CancelConsultAsync(CallSession session)
    {
        if (session.Consultation is not { } consultation)
        {
            return CallControlResult.Fail(CallControlError.InvalidState, "No consultation is in progress.");
        }
        if (consultation.Consulted is { } consulted)
        {
            ReturnToCustomer(session);
            await ReleaseAsync(session, consulted).ConfigureAwait(false);
        }
        else
        {
            // Still ringing: the CANCEL ends the dial, whose failure returns the agent to the customer.
            await session.ConsultCancel.CancelAsync().ConfigureAwait(false);
        }
        return CallControlResult.Ok();
    }

    private void ReturnToCustomer(CallSession session)
    {
        if (session.Consultation is not { } consultation)
        {
            return;
        }
        session.Consultation = null;
        session.ResetConsultCancel();
        StopHoldMusic(session, consultation.Held);
        Connect(session, consultation.Agent, consultation.Held);
        events.Publish(new CallResumed(session.CallId, events.Now, consultation.Agent.LegId));
    }

    // The new party takes the old one's place as caller or callee (who the call is "between" from now on).
    private static void ReplaceParty(CallSession session, CallLeg old, CallLeg replacement)
    {
        if (ReferenceEquals(session.Caller, old))
        {
            session.Caller = replacement;
        }
        else
        {
            session.Callee = replacement;
        }
    }

    // A leg leaves a call that goes on: BYE, its dialog forgotten, its end published.
    private async Task ReleaseAsync(CallSession session, CallLeg leg)
    {
        calls.RemoveDialog(leg);
        session.StopPlaying(leg);
        await ByeAsync(leg, CancellationToken.None).ConfigureAwait(false);
        PublishLegEnded(session, leg, CallEndCause.Normal, null);
        leg.Media?.Dispose();
    }
}
