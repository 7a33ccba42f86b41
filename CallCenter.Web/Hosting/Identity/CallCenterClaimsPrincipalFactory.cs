using System.Security.Claims;

using CallCenter.Core.Domain;

using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CallCenter.Web.Hosting.Identity;

/// <summary>Adds the display name (e.g. 张伟) to the cookie, so the shell can greet the user without a query.</summary>
public sealed class CallCenterClaimsPrincipalFactory(UserManager<AppUser> users, RoleManager<AppRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, AppRole>(users, roles, options)
{
    public const string DisplayNameClaimType = "callcenter:display_name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (!string.IsNullOrWhiteSpace(user.DisplayName))
        {
            identity.AddClaim(new Claim(DisplayNameClaimType, user.DisplayName));
        }
        return identity;
    }
}
