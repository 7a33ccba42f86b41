namespace CallCenter.Core.Domain;

/// <summary>
/// A period an agent spent in one state. Intervals of one agent never overlap and, within a
/// login session, leave no gaps: the raw material of monitoring and of every agent report.
/// </summary>
public class AgentStateInterval
{
    public long Id { get; set; }
    public Guid AgentId { get; set; }
    public Agent? Agent { get; set; }
    public AgentState State { get; set; }
    /// <summary>NotReady reason: break, meal, training, meeting, missed call, phone offline...</summary>
    public string? Reason { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    /// <summary>Null while the agent is still in this state.</summary>
    public DateTimeOffset? EndedAt { get; set; }
    public Guid? CallId { get; set; }
}
