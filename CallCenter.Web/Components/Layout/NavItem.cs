using Microsoft.AspNetCore.Components.Routing;

namespace CallCenter.Web.Components.Layout;

/// <summary>
/// One entry of the navigation drawer. <see cref="Roles"/> is the same comma list as the target page's
/// [Authorize(Roles = ...)] (null: every signed-in user), so nobody sees a link they may not open.
/// </summary>
public sealed record NavItem(string Href, string TextKey, string Icon, string? Roles, NavLinkMatch Match = NavLinkMatch.Prefix)
{
    public bool IsVisibleTo(System.Security.Claims.ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return false;
        }
        return Roles is null || Roles.Split(',', StringSplitOptions.TrimEntries).Any(user.IsInRole);
    }
}
