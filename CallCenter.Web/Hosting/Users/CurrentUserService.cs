using System.Security.Claims;

using CallCenter.Core.Domain;
using CallCenter.Core.Services.Agents;

using Microsoft.AspNetCore.Components.Authorization;

namespace CallCenter.Web.Hosting.Users;

/// <summary>
/// Who is signed in to this circuit (scoped): read once from the authentication state, with the agent behind the
/// account looked up once, so every component of the page agrees on one extension.
/// </summary>
public sealed class CurrentUserService(AuthenticationStateProvider authentication, AgentLookupService agents)
{
    private Task<CurrentUser?>? _user;

    /// <summary>The signed-in user, or null for an anonymous circuit.</summary>
    public Task<CurrentUser?> GetAsync() => _user ??= LoadAsync();

    private async Task<CurrentUser?> LoadAsync()
    {
        var principal = (await authentication.GetAuthenticationStateAsync()).User;
        if (!Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return null;
        }
        var roles = Roles.All.Where(principal.IsInRole).ToList();
        return new CurrentUser(userId, principal.Identity?.Name ?? "", roles, await agents.FindByUserIdAsync(userId));
    }
}
