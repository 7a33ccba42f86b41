namespace CallCenter.Telephony.Acd;

// The agent state machine's moves, under the lock. Commands, call events and offers all end up here.
public sealed partial class AcdService
{
    /// <summary>Moves <paramref name="agent"/> to a state and queues its <see cref="AgentStateChanged"/> (once: no event when nothing changes).</summary>
    private void Enter(LiveAgent agent, AgentStatus status, string? reason = null, Guid? callId = null, string? queue = null)
    {
        if (agent.Status == status && agent.Reason == reason && agent.CallId == callId && agent.Queue == queue)
        {
            return;
        }
        var now = Now;
        // Free again after a call, a NotReady or a log-in; an offer that was not answered leaves the idle time running.
        if (status == AgentStatus.Ready && agent.Status != AgentStatus.Ringing)
        {
            agent.IdleSince = now;
        }
        if (status != AgentStatus.WrapUp)
        {
            agent.WrapUpEndsAt = null;
        }
        agent.Status = status;
        agent.Reason = reason;
        agent.CallId = callId;
        agent.Queue = queue;
        agent.Since = now;
        _outbox.Enqueue(new AgentStateChanged(agent.Extension, status, reason, callId, now, queue));
    }

    /// <summary>The agent is free after a call (direct, or a queue call's wrap-up): Ready, or what was asked meanwhile.</summary>
    private void FinishCall(LiveAgent agent)
    {
        agent.DirectCall = false;
        agent.LegId = null;
        agent.AnsweredAt = null;
        if (agent.PendingLogout)
        {
            LogOutNow(agent);
        }
        else if (agent.PendingNotReadyReason is { } reason)
        {
            agent.PendingNotReadyReason = null;
            Enter(agent, AgentStatus.NotReady, reason);
        }
        else
        {
            Enter(agent, AgentStatus.Ready);
        }
    }

    private void LogOutNow(LiveAgent agent)
    {
        StopWrapUpTimer(agent);
        agent.PendingLogout = false;
        agent.PendingNotReadyReason = null;
        agent.DirectCall = false;
        agent.LegId = null;
        agent.AnsweredAt = null;
        Enter(agent, AgentStatus.LoggedOut);
    }

    /// <summary>The agent's queue call ended (its leg, or the whole call): wrap-up for the queue's time, or straight on.</summary>
    private void EndQueueCall(LiveAgent agent)
    {
        var wrapUp = agent.Queue is { } name && _queues.TryGetValue(name, out var queue) ? queue.Config.WrapUp : TimeSpan.Zero;
        agent.LegId = null;
        if (wrapUp <= TimeSpan.Zero)
        {
            EndWrapUp(agent);
            return;
        }
        Enter(agent, AgentStatus.WrapUp, null, agent.CallId, agent.Queue);
        agent.WrapUpEndsAt = Now + wrapUp;
        StartWrapUpTimer(agent, wrapUp);
    }

    /// <summary>Wrap-up is over (its time, the agent's Ready or log-out, or none at all): the handle time counts, then on.</summary>
    private void EndWrapUp(LiveAgent agent)
    {
        StopWrapUpTimer(agent);
        if (agent.AnsweredAt is { } answeredAt && agent.Queue is { } name && _queues.TryGetValue(name, out var queue))
        {
            queue.AddHandleTime(Now - answeredAt, _options.HandleTimeSamples);
        }
        FinishCall(agent);
    }

    private void StartWrapUpTimer(LiveAgent agent, TimeSpan due)
    {
        StopWrapUpTimer(agent);
        var generation = agent.WrapUpGeneration;
        agent.WrapUpTimer = _time.CreateTimer(_ => OnWrapUpTimer(agent, generation), null, due, Timeout.InfiniteTimeSpan);
    }

    private void StopWrapUpTimer(LiveAgent agent)
    {
        agent.WrapUpGeneration++;
        agent.WrapUpTimer?.Dispose();
        agent.WrapUpTimer = null;
    }

    private void OnWrapUpTimer(LiveAgent agent, long generation) => Mutate(effects =>
    {
        if (agent.Status == AgentStatus.WrapUp && agent.WrapUpGeneration == generation)
        {
            EndWrapUp(agent);
            Reconcile(effects);
        }
    });

    /// <summary>The agent got the queued call of <paramref name="run"/> (its answer, on the call events or in the offer's result).</summary>
    private void Connect(LiveAgent agent, OfferRun run)
    {
        if (run.AnsweredBy is not null)
        {
            return;
        }
        run.AnsweredBy = agent.Extension;
        if (agent.WithdrawnOffer == run)
        {
            // The answer raced the withdrawal: the agent is on the call, and what it asked for comes after it.
            agent.WithdrawnOffer = null;
            if (agent.Status == AgentStatus.NotReady)
            {
                agent.PendingNotReadyReason = agent.Reason;
            }
            else if (agent.Status == AgentStatus.LoggedOut)
            {
                agent.PendingLogout = true;
            }
        }
        agent.Offer = null;
        agent.DirectCall = false;
        agent.AnsweredAt = Now;
        agent.MissedInRow = 0;
        RollAnsweredDay(agent);
        agent.AnsweredToday++;
        Enter(agent, AgentStatus.Talking, null, run.Entry.Call.CallId, run.Entry.Queue);
    }

    /// <summary>Resets <see cref="LiveAgent.AnsweredToday"/> at local midnight.</summary>
    private void RollAnsweredDay(LiveAgent agent)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Now, _time.LocalTimeZone).DateTime);
        if (agent.AnsweredDay != today)
        {
            agent.AnsweredDay = today;
            agent.AnsweredToday = 0;
        }
    }
}
