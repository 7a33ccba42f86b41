using CallCenter.Core.Domain;

using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Identity;

namespace CallCenter.Web.Hosting;

/// <summary>
/// Sign-out is a POST with an antiforgery token (a form in the user menu), so that a link on another site
/// cannot sign a user out. Sign-in is the static page /login, because a cookie can only be set on an HTTP
/// response, never from an interactive circuit.
/// </summary>
public static class AccountEndpoints
{
    public const string LogoutPath = "/account/logout";

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(LogoutPath, async (HttpContext http, SignInManager<AppUser> signIn) =>
        {
            // UseAntiforgery only records the verdict for endpoints that bind no form fields; act on it here.
            if (http.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false })
            {
                // Not re-executed as the not-found page: that would read this same unvalidated form again.
                if (http.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
                {
                    statusPages.Enabled = false;
                }
                return Results.BadRequest();
            }
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/login");
        }).WithMetadata(new RequireAntiforgeryTokenAttribute());
        return endpoints;
    }
}
