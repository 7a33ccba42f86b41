using CallCenter.Telephony.Acd;
using CallCenter.Telephony.Calls.Control;

namespace CallCenter.Web.Hosting.Workspace;

/// <summary>What an agent's workspace shows: its ACD state, its live call, and the call its customer panel is about.</summary>
/// <param name="Extension">The agent's extension.</param>
/// <param name="Agent">Its ACD state (null before it ever logged in).</param>
/// <param name="Call">Its live call, or null.</param>
/// <param name="PopCall">
/// The call the customer panel (screen pop) shows: the live call from its first ring, kept after it ends for the service
/// record and wrap-up, closed when the phone stopped ringing without the agent answering (another agent took it).
/// </param>
public sealed record DeskState(string Extension, AgentSnapshot? Agent, AgentCallView? Call, AgentCallView? PopCall)
{
    /// <summary>The agent's status; LoggedOut when the ACD does not know it.</summary>
    public AgentStatus Status => Agent?.Status ?? AgentStatus.LoggedOut;
}
