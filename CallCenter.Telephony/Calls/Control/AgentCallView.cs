using CallCenter.Telephony.Routing;

namespace CallCenter.Telephony.Calls.Control;

/// <summary>An agent's live call as its phone bar shows it (<see cref="ICallControl.GetAgentCall"/>).</summary>
/// <param name="CallId">The call's id.</param>
/// <param name="AgentLegId">The agent's leg.</param>
/// <param name="State">Where the call stands for the agent.</param>
/// <param name="OtherNumber">The other party's number: the customer's, or the number the agent called.</param>
/// <param name="DialledNumber">The number the call came in on (a queue's 4001...), or the number the agent dialled.</param>
/// <param name="Queue">The queue the call came through, if any.</param>
/// <param name="StartedAt">When the call began (its INVITE).</param>
/// <param name="AnsweredAt">When the agent's leg was connected; null while ringing.</param>
/// <param name="IsRecording">Whether the call is being recorded now (not paused).</param>
/// <param name="Caller">What caller identification found (customer, location, warnings), when the call was identified.</param>
/// <param name="AddedParties">Legs the agent added to a three-way call (for dropping them): leg id and number.</param>
/// <param name="Actions">What the agent may do now.</param>
public sealed record AgentCallView(
    Guid CallId,
    Guid AgentLegId,
    AgentCallState State,
    string OtherNumber,
    string DialledNumber,
    string? Queue,
    DateTimeOffset StartedAt,
    DateTimeOffset? AnsweredAt,
    bool IsRecording,
    CallerInfo? Caller,
    IReadOnlyList<(Guid LegId, string Number)> AddedParties,
    AgentCallActions Actions)
{
    /// <summary>True when the state allows <paramref name="action"/>.</summary>
    public bool Allows(AgentCallActions action) => (Actions & action) == action;
}
