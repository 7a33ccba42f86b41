namespace CallCenter.Telephony.Simulation;

/// <summary>The end of one simulated customer call.</summary>
/// <param name="Outcome">How it ended for the customer.</param>
/// <param name="FinalStatus">The final response status to the INVITE (0 when none came).</param>
/// <param name="Call">The call, with its timestamps and media counters.</param>
/// <param name="TimeToAgent">From the INVITE to the agent (the hint, or the 200 when none is awaited); null when never reached.</param>
public sealed record CustomerCallResult(CustomerCallOutcome Outcome, int FinalStatus, SimulatedCall Call, TimeSpan? TimeToAgent);
