namespace CallCenter.Telephony.Acd;

/// <summary>The outcome of an agent command (log in, Ready, NotReady, log out, extend wrap-up).</summary>
/// <param name="Succeeded">True when the state changed (or was already what was asked).</param>
/// <param name="Reason">Why not, in a sentence for logs and pages; null on success.</param>
/// <param name="State">The agent's state after the command, when it is known to the ACD.</param>
public sealed record AcdCommandResult(bool Succeeded, string? Reason, AgentSnapshot? State)
{
    /// <summary>Success with the state after it.</summary>
    public static AcdCommandResult Ok(AgentSnapshot state) => new(true, null, state);

    /// <summary>Refused with <paramref name="reason"/>.</summary>
    public static AcdCommandResult Fail(string reason, AgentSnapshot? state = null) => new(false, reason, state);
}
