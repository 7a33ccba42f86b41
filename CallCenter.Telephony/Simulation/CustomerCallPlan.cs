namespace CallCenter.Telephony.Simulation;

/// <summary>How a <see cref="SimulatedCustomer"/> behaves in one call.</summary>
public sealed record CustomerCallPlan
{
    /// <summary>The number dialled (Request-URI user), e.g. a queue's 4001.</summary>
    public required string DialledNumber { get; init; }

    /// <summary>How long the customer waits for an agent, from the INVITE: CANCEL before a final response, BYE after a 200
    /// that did not bring an agent. Null: waits as long as the server keeps the call.</summary>
    public TimeSpan? Patience { get; init; }

    /// <summary>Time with the agent (or the answering target) before the customer sends BYE, unless the far end hangs up first.</summary>
    public TimeSpan TalkTime { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// True when a 200 only means the server took the call (a queue answers and plays music while the caller waits):
    /// the customer counts as connected once <see cref="SimulatedCustomer.AgentAnsweredHint"/> is called. False: the 200
    /// itself connects (an extension, the echo test).
    /// </summary>
    public bool WaitForAgentHint { get; init; }

    /// <summary>DTMF keys to press (RFC 4733) <see cref="DigitsDelay"/> after the 200; null or empty: none.</summary>
    public string? Digits { get; init; }

    /// <summary>When to press <see cref="Digits"/>, after the 200.</summary>
    public TimeSpan DigitsDelay { get; init; } = TimeSpan.FromSeconds(1);
}
