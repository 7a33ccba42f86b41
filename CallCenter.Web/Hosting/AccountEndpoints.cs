using CallCenter.Core.Domain;

using Microsoft.AspNetCore.Antiforgery;
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
        endpoints.MapPost(LogoutPath, async (SignInManager<AppUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/login");
        }).WithMetadata(new RequireAntiforgeryTokenAttribute());
        return endpoints;
    }
}
