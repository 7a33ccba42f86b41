namespace CallCenter.Telephony.Acd;

// The agents' commands: log in, Ready (示闲), NotReady (示忙), log out, extend wrap-up.
public sealed partial class AcdService
{
    /// <summary>
    /// Logs the agent in to its queues and makes it Ready (示闲). Refused for an unknown or inactive extension.
    /// An agent already logged in becomes Ready unless it is busy (ringing, on a call, in wrap-up), and a log-out it
    /// asked for during a call is forgotten.
    /// </summary>
    public async ValueTask<AcdCommandResult> LoginAsync(string extension, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(extension);
        var config = await _directory.GetAgentAsync(extension, cancellationToken).ConfigureAwait(false);
        if (config is null)
        {
            LogLoginRefused(_logger, extension);
            return AcdCommandResult.Fail("Unknown or inactive extension.");
        }
        return Mutate(effects =>
        {
            if (!_agents.TryGetValue(extension, out var agent))
            {
                agent = new LiveAgent(extension, config, Now);
                _agents.Add(extension, agent);
            }
            agent.Config = config;
            agent.PendingLogout = false;
            if (agent.Status is AgentStatus.LoggedOut or AgentStatus.NotReady)
            {
                agent.MissedInRow = 0;
                Enter(agent, AgentStatus.Ready);
                Reconcile(effects);
            }
            return AcdCommandResult.Ok(Snapshot(agent));
        });
    }

    /// <summary>
    /// Ready (示闲). In wrap-up: ends it now. Ringing or on a call: clears a NotReady or log-out asked for meanwhile.
    /// </summary>
    public AcdCommandResult SetReady(string extension)
    {
        ArgumentNullException.ThrowIfNull(extension);
        return Mutate(effects =>
        {
            if (!_agents.TryGetValue(extension, out var agent) || !agent.IsLoggedIn)
            {
                return NotLoggedIn(agent);
            }
            agent.PendingNotReadyReason = null;
            agent.PendingLogout = false;
            switch (agent.Status)
            {
                case AgentStatus.NotReady:
                    agent.MissedInRow = 0;
                    Enter(agent, AgentStatus.Ready);
                    break;
                case AgentStatus.WrapUp:
                    EndWrapUp(agent);
                    break;
            }
            Reconcile(effects);
            return AcdCommandResult.Ok(Snapshot(agent));
        });
    }

    /// <summary>
    /// NotReady (示忙) with a reason (<see cref="NotReadyReasons"/>). While a queue call rings the agent: the offer is
    /// withdrawn (the call goes back to its place) and the agent is NotReady at once; on a call or in wrap-up: applied
    /// when they end (<see cref="AgentSnapshot.PendingNotReadyReason"/>).
    /// </summary>
    public AcdCommandResult SetNotReady(string extension, string reason)
    {
        ArgumentNullException.ThrowIfNull(extension);
        if (!NotReadyReasons.IsKnown(reason))
        {
            return AcdCommandResult.Fail($"Unknown NotReady reason '{reason}'.", GetAgent(extension));
        }
        return Mutate(effects =>
        {
            if (!_agents.TryGetValue(extension, out var agent) || !agent.IsLoggedIn)
            {
                return NotLoggedIn(agent);
            }
            switch (agent.Status)
            {
                case AgentStatus.Ready or AgentStatus.NotReady:
                    Enter(agent, AgentStatus.NotReady, reason);
                    break;
                case AgentStatus.Ringing when agent.Offer is { } run:
                    Withdraw(agent, run, effects);
                    Enter(agent, AgentStatus.NotReady, reason);
                    break;
                default:
                    agent.PendingNotReadyReason = reason;
                    break;
            }
            Reconcile(effects);
            return AcdCommandResult.Ok(Snapshot(agent));
        });
    }

    /// <summary>
    /// Logs the agent out. Refused while the agent rings or is on a call: applied when it ends
    /// (<see cref="AgentSnapshot.PendingLogout"/>; a ringing queue offer is withdrawn). In wrap-up: ends it now.
    /// </summary>
    public AcdCommandResult Logout(string extension)
    {
        ArgumentNullException.ThrowIfNull(extension);
        return Mutate(effects =>
        {
            if (!_agents.TryGetValue(extension, out var agent))
            {
                return NotLoggedIn(agent);
            }
            switch (agent.Status)
            {
                case AgentStatus.LoggedOut or AgentStatus.Ready or AgentStatus.NotReady:
                    LogOutNow(agent);
                    break;
                case AgentStatus.WrapUp:
                    agent.PendingLogout = true;
                    EndWrapUp(agent);
                    break;
                default:
                    agent.PendingLogout = true;
                    if (agent.Offer is { } run)
                    {
                        effects.Cancellations.Add(run.Cancellation);
                    }
                    Reconcile(effects);
                    return AcdCommandResult.Fail("Ringing or on a call: logged out when it ends.", Snapshot(agent));
            }
            Reconcile(effects);
            return AcdCommandResult.Ok(Snapshot(agent));
        });
    }

    /// <summary>Adds <paramref name="extra"/> to the current wrap-up (refused outside wrap-up).</summary>
    public AcdCommandResult ExtendWrapUp(string extension, TimeSpan extra)
    {
        ArgumentNullException.ThrowIfNull(extension);
        if (extra <= TimeSpan.Zero)
        {
            return AcdCommandResult.Fail("The extension of a wrap-up must be positive.", GetAgent(extension));
        }
        lock (_gate)
        {
            if (!_agents.TryGetValue(extension, out var agent) || agent.Status != AgentStatus.WrapUp || agent.WrapUpEndsAt is not { } endsAt)
            {
                return AcdCommandResult.Fail("Not in wrap-up.", agent is null ? null : Snapshot(agent));
            }
            var newEnd = endsAt + extra;
            agent.WrapUpEndsAt = newEnd;
            StartWrapUpTimer(agent, newEnd - Now);
            return AcdCommandResult.Ok(Snapshot(agent));
        }
    }

    /// <summary>Takes a ringing queue offer away from the agent: the call goes back to its place when the offer returns.</summary>
    private static void Withdraw(LiveAgent agent, OfferRun run, AcdEffects effects)
    {
        agent.Offer = null;
        agent.WithdrawnOffer = run;
        effects.Cancellations.Add(run.Cancellation);
    }

    private AcdCommandResult NotLoggedIn(LiveAgent? agent) =>
        AcdCommandResult.Fail("Not logged in.", agent is null ? null : Snapshot(agent));
}
