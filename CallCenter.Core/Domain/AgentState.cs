namespace CallCenter.Core.Domain;

/// <summary>An agent's state; each period in one is an <see cref="AgentStateInterval"/>.</summary>
public enum AgentState
{
    LoggedOut,
    /// <summary>示闲</summary>
    Ready,
    /// <summary>示忙, with a reason</summary>
    NotReady,
    Ringing,
    Talking,
    Held,
    /// <summary>话后处理 (after-call work)</summary>
    WrapUp,
}
