using CallCenter.Telephony.Audio;
using CallCenter.Telephony.Calls.Control;
using CallCenter.Telephony.Events;
using CallCenter.Telephony.Routing;
using CallCenter.Telephony.Sip.Transport;

namespace CallCenter.Telephony.Calls;

public sealed partial class B2buaRequestHandler
{
    /// <summary>Ends the call for every leg (hung up by the system on someone's request).</summary>
    internal async Task<CallControlResult> HangupAsync(CallSession session)
    {
        await EndAsync(session, CallParty.System, CallEndCause.Normal, null, CancellationToken.None).ConfigureAwait(false);
        return CallControlResult.Ok();
    }

    /// <summary>
    /// Click-to-dial (点击拨号): the agent's phone rings first (its display shows the number to be called); when the
    /// agent answers, the number is dialled as if the agent had dialled it, the agent hearing ringback meanwhile.
    /// The call is the agent's outbound (or internal) call, A leg the agent. Returns once the call is placed to the
    /// agent's phone and it answered, with the new call's id; the rest goes on in the background.
    /// </summary>
    internal async Task<CallControlResult> OriginateAsync(string agentExtension, string number, CancellationToken cancellationToken)
    {
        var target = await dialPlan.ResolveAsync(new DialRequest(number, agentExtension, null, agentExtension), cancellationToken).ConfigureAwait(false);
        if (target.Kind is not (RouteTargetKind.Extension or RouteTargetKind.Trunk))
        {
            return CallControlResult.Fail(CallControlError.TargetNotFound, $"{number} is not a number that can be dialled.");
        }
        if (location.GetBindings(agentExtension).Count == 0)
        {
            return CallControlResult.Fail(CallControlError.TargetUnavailable, $"The phone of extension {agentExtension} is not registered.");
        }
        var id = "originate-" + NewCallId();
        var session = new CallSession(id, events.NewCallId(), events.NewLegId(), agentExtension, number, target,
            new SipEndPoint(SipTransportProtocol.Udp, new System.Net.IPEndPoint(System.Net.IPAddress.None, 0)), time.GetUtcNow());
        calls.TryAdd(session);
        var direction = target.Kind == RouteTargetKind.Trunk ? CallEventDirection.Outbound : CallEventDirection.Internal;
        events.Publish(new CallOffered(session.CallId, events.Now, id, direction, agentExtension, number, target));
        // The agent's phone shows the number to be called as the caller; the call counts as answered when the customer answers.
        var (agent, status) = await DialLegAsync(session, agentExtension, number, agentExtension, CallLegRole.Agent, null, CancellationToken.None, CallParty.Caller,
                publishAnswer: false)
            .ConfigureAwait(false);
        if (agent is null)
        {
            await EndAsync(session, CallParty.Callee, MapCalleeFailureCause(status), status, CancellationToken.None).ConfigureAwait(false);
            return CallControlResult.FromStatus(status, agentExtension);
        }
        session.Caller = agent;
        _ = ContinueOriginateAsync(session, agent, number);
        return CallControlResult.Ok(session.CallId);
    }

    private async Task ContinueOriginateAsync(CallSession session, CallLeg agent, string number)
    {
        try
        {
            var codec = agent.Media!.Audio!.Codec;
            PlayTo(session, agent, Tones.Ringback(), loop: true);
            var role = session.Target.Kind == RouteTargetKind.Trunk ? CallLegRole.Trunk : CallLegRole.Agent;
            var (customer, status) = await DialLegAsync(session, number, agent.Extension!, agent.Extension, role, codec, CancellationToken.None).ConfigureAwait(false);
            session.StopPlaying(agent);
            if (customer is null)
            {
                await EndAsync(session, CallParty.Callee, MapCalleeFailureCause(status), status, CancellationToken.None).ConfigureAwait(false);
                return;
            }
            session.Callee = customer;
            session.AnsweredAt = time.GetUtcNow();
            session.MaxDurationTimer = time.CreateTimer(
                _ => _ = EndAsync(session, CallParty.System, CallEndCause.MaxDuration, null, CancellationToken.None),
                null, TimeSpan.FromSeconds(callOptions.CurrentValue.MaxDurationSeconds), Timeout.InfiniteTimeSpan);
            StartBridge(session);
        }
        catch (Exception ex)
        {
            LogFailed(logger, ex, session.Id, "originate");
            await EndAsync(session, CallParty.System, CallEndCause.Abnormal, 500, CancellationToken.None).ConfigureAwait(false);
        }
    }
}
