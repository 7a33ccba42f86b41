using System.Security.Claims;

using CallCenter.Web.Hosting.Identity;

namespace CallCenter.Web.Components.Layout;

/// <summary>How the signed-in user is named on screen: the display name claim, else the user name.</summary>
public static class UserDisplay
{
    public static string Name(ClaimsPrincipal user)
    {
        var display = user.FindFirstValue(CallCenterClaimsPrincipalFactory.DisplayNameClaimType);
        return string.IsNullOrWhiteSpace(display) ? user.Identity?.Name ?? "" : display;
    }
}
