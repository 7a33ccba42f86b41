namespace CallCenter.Telephony.Acd;

/// <summary>An agent's live state in the ACD (Core stores each period in one as an agent-state interval).</summary>
public enum AgentStatus
{
    /// <summary>Not logged in to its queues: never offered a call.</summary>
    LoggedOut,

    /// <summary>示闲: waiting for a call; the only state in which the ACD offers one.</summary>
    Ready,

    /// <summary>示忙: logged in but not taking calls, with a reason (<see cref="NotReadyReasons"/>).</summary>
    NotReady,

    /// <summary>A call is being offered: the agent's phone rings (reserved for that one call).</summary>
    Ringing,

    /// <summary>On a call.</summary>
    Talking,

    /// <summary>On a call the agent holds.</summary>
    Held,

    /// <summary>话后处理: after-call work, timed by the queue, extendable by the agent.</summary>
    WrapUp,
}
