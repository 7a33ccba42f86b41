namespace CallCenter.Core.Domain;

/// <summary>One SIP dialog of a call: the customer's, the agent's, a consulted party's...</summary>
public class CallLeg
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CallId { get; set; }
    public Call? Call { get; set; }
    public CallLegKind Kind { get; set; }
    public string Number { get; set; } = "";
    public Guid? AgentId { get; set; }
    public string? SipCallId { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public string? EndCause { get; set; }
}
