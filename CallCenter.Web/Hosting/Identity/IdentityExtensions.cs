using CallCenter.Core.Data;
using CallCenter.Core.Domain;

using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;

namespace CallCenter.Web.Hosting.Identity;

/// <summary>ASP.NET Core Identity in the product database, with a cookie for the browser.</summary>
public static class IdentityExtensions
{
    public const string LoginPath = "/login";
    public const string AccessDeniedPath = "/access-denied";

    public static WebApplicationBuilder AddCallCenterIdentity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingIdentityAuthenticationStateProvider>();

        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = LoginPath;
            o.AccessDeniedPath = AccessDeniedPath;
            o.LogoutPath = AccountEndpoints.LogoutPath;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(10);
            o.Cookie.Name = "CallCenter.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
        });
        // A deactivated user's cookie stops working within this interval (CallCenterSignInManager).
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddIdentityCore<AppUser>(o =>
            {
                o.SignIn.RequireConfirmedAccount = false;
                o.User.RequireUniqueEmail = false;
                o.Password.RequiredLength = 8;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddRoles<AppRole>()
            .AddEntityFrameworkStores<CallCenterDbContext>()
            .AddClaimsPrincipalFactory<CallCenterClaimsPrincipalFactory>()
            .AddSignInManager<CallCenterSignInManager>()
            .AddDefaultTokenProviders();

        services.AddAuthorization(o =>
        {
            // Defence in depth: an endpoint or page that forgets [Authorize] still needs a signed-in user.
            // The anonymous ones say so explicitly ([AllowAnonymous] / AllowAnonymous()).
            o.FallbackPolicy = o.DefaultPolicy;
            o.AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin));
        });
        return builder;
    }
}
