namespace CallCenter.Telephony.Simulation;

/// <summary>How a simulated customer's call ended, from the customer's side.</summary>
public enum CustomerCallOutcome
{
    /// <summary>Reached an agent (or the answering target when no hint is awaited) and talked.</summary>
    Answered,

    /// <summary>Gave up waiting: CANCEL before a final response, or BYE while waiting in a queue.</summary>
    Abandoned,

    /// <summary>A 300-699 final response, or none at all (time-out).</summary>
    Failed,

    /// <summary>The server hung up before an agent was reached (queue time-out, overflow, a prompt that ends).</summary>
    EndedByServer,

    /// <summary>The customer was disposed (the simulation stopped) during the call.</summary>
    Stopped,
}
