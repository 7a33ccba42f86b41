using CallCenter.Core.Services.Agents;

namespace CallCenter.Web.Hosting.Users;

/// <summary>The signed-in user as pages need it.</summary>
/// <param name="UserId">The account's id.</param>
/// <param name="UserName">The sign-in name.</param>
/// <param name="Roles">Its roles (<see cref="Core.Domain.Roles"/>).</param>
/// <param name="Agent">The agent it is, when it takes calls (an active agent with an extension); else null.</param>
public sealed record CurrentUser(Guid UserId, string UserName, IReadOnlyList<string> Roles, AgentIdentity? Agent)
{
    /// <summary>True when the user has <paramref name="role"/>.</summary>
    public bool IsInRole(string role) => Roles.Contains(role);

    /// <summary>True for shift leaders, supervisors, managers and admins: they may look at any agent's records.</summary>
    public bool IsLeaderOrAbove => Roles.Any(r => r is Core.Domain.Roles.ShiftLeader or Core.Domain.Roles.Supervisor or Core.Domain.Roles.Manager or Core.Domain.Roles.Admin);
}
