using CallCenter.Telephony.Events;
using CallCenter.Telephony.Sip.Registrar;

namespace CallCenter.Telephony.Acd;

// Call-driven states from the call event stream, and phones going offline from the registrar. The handlers run on
// the publisher's thread: they take the lock briefly and never wait.
public sealed partial class AcdService
{
    private void OnCallEvent(CallEvent callEvent)
    {
        switch (callEvent)
        {
            case LegStarted { Role: CallLegRole.Agent } started:
                Mutate(effects => OnAgentLegStarted(started));
                break;
            case CallAnswered answered:
                Mutate(effects => OnAnswered(answered));
                break;
            case CallHeld held:
                Mutate(effects => OnHoldChanged(held.CallId, held.LegId, AgentStatus.Talking, AgentStatus.Held));
                break;
            case CallResumed resumed:
                Mutate(effects => OnHoldChanged(resumed.CallId, resumed.LegId, AgentStatus.Held, AgentStatus.Talking));
                break;
            case LegEnded ended:
                Mutate(effects => OnLegEnded(ended, effects));
                break;
            case CallEnded ended:
                Mutate(effects => OnCallEnded(ended, effects));
                break;
        }
    }

    private void OnAgentLegStarted(LegStarted started)
    {
        if (!_agents.TryGetValue(started.Number, out var agent) || !agent.IsLoggedIn)
        {
            return;
        }
        if (agent.Offer is { } run && run.Entry.Call.CallId == started.CallId)
        {
            // The leg of the queue call the ACD reserved the agent for.
            Track(agent, started.LegId);
        }
        else if (agent.Status == AgentStatus.Ready && agent.Offer is null)
        {
            // A direct call to or from a Ready agent.
            agent.DirectCall = true;
            Track(agent, started.LegId);
            Enter(agent, AgentStatus.Ringing, null, started.CallId);
        }
        else if (agent.CallId == started.CallId && agent.Status is AgentStatus.Talking or AgentStatus.Held)
        {
            Track(agent, started.LegId);
        }
    }

    private void Track(LiveAgent agent, Guid legId)
    {
        agent.LegId = legId;
        _legs[legId] = agent.Extension;
    }

    private void OnAnswered(CallAnswered answered)
    {
        var extension = answered.AgentExtension ?? (_legs.TryGetValue(answered.LegId, out var byLeg) ? byLeg : null);
        if (extension is null || !_agents.TryGetValue(extension, out var agent))
        {
            return;
        }
        if (agent.Offer is { } run && run.Entry.Call.CallId == answered.CallId)
        {
            Connect(agent, run);
        }
        else if (agent.WithdrawnOffer is { } withdrawn && withdrawn.Entry.Call.CallId == answered.CallId)
        {
            Connect(agent, withdrawn);
        }
        else if (agent.DirectCall && agent.Status == AgentStatus.Ringing && agent.CallId == answered.CallId)
        {
            Enter(agent, AgentStatus.Talking, null, answered.CallId);
        }
    }

    private void OnHoldChanged(Guid callId, Guid legId, AgentStatus from, AgentStatus to)
    {
        foreach (var agent in _agents.Values)
        {
            if (agent.Status == from && agent.CallId == callId)
            {
                Enter(agent, to, null, callId, agent.Queue);
            }
        }
        // A leg of an agent on another call of its own (e.g. after a transfer) names the agent directly.
        if (_legs.TryGetValue(legId, out var extension) && _agents.TryGetValue(extension, out var holder)
            && holder.Status == from && holder.LegId == legId)
        {
            Enter(holder, to, null, holder.CallId, holder.Queue);
        }
    }

    private void OnLegEnded(LegEnded ended, AcdEffects effects)
    {
        if (!_legs.Remove(ended.LegId, out var extension) || !_agents.TryGetValue(extension, out var agent))
        {
            return;
        }
        if (agent.LegId == ended.LegId && agent.CallId == ended.CallId)
        {
            CallOver(agent);
            Reconcile(effects);
        }
    }

    private void OnCallEnded(CallEnded ended, AcdEffects effects)
    {
        foreach (var leg in _legs.Where(l => _agents.TryGetValue(l.Value, out var a) && a.CallId == ended.CallId).Select(l => l.Key).ToArray())
        {
            _legs.Remove(leg);
        }
        var changed = false;
        foreach (var agent in _agents.Values.Where(a => a.CallId == ended.CallId).ToArray())
        {
            changed |= CallOver(agent);
        }
        if (changed)
        {
            Reconcile(effects);
        }
    }

    /// <summary>The agent's part in its current call ended: queue calls go to wrap-up, direct calls straight on.</summary>
    private bool CallOver(LiveAgent agent)
    {
        if (agent.DirectCall && agent.Status is AgentStatus.Ringing or AgentStatus.Talking or AgentStatus.Held)
        {
            FinishCall(agent);
            return true;
        }
        if (!agent.DirectCall && agent.Status is AgentStatus.Talking or AgentStatus.Held)
        {
            EndQueueCall(agent);
            return true;
        }
        // A queue offer still ringing ends with the offer's result; wrap-up with its timer.
        return false;
    }

    private void OnRegistrationChanged(RegistrationChanged change)
    {
        if (change.Kind is not (RegistrationChangeKind.Removed or RegistrationChangeKind.Expired)
            || _location.GetBindings(change.Extension).Count > 0)
        {
            return;
        }
        Mutate(effects =>
        {
            if (!_agents.TryGetValue(change.Extension, out var agent))
            {
                return;
            }
            switch (agent.Status)
            {
                case AgentStatus.Ready:
                    Enter(agent, AgentStatus.NotReady, NotReadyReasons.PhoneOffline);
                    Reconcile(effects);
                    break;
                case AgentStatus.Talking or AgentStatus.Held or AgentStatus.WrapUp:
                case AgentStatus.Ringing when agent.DirectCall:
                    agent.PendingNotReadyReason ??= NotReadyReasons.PhoneOffline;
                    break;
            }
        });
    }
}
