using Microsoft.AspNetCore.Localization;

namespace CallCenter.Web.Hosting;

/// <summary>
/// The language switch: sets the culture cookie and sends the browser back, so the next page is rendered
/// (server side, circuit and all) in the new language. A GET so that the switch is a plain link.
/// </summary>
public static class CultureEndpoint
{
    public const string Path = "/culture/set";

    public static IEndpointRouteBuilder MapCultureEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, (HttpContext http, string? culture, string? redirectUri) =>
        {
            var chosen = LocalizationExtensions.SupportedCultures.FirstOrDefault(c => string.Equals(c.Name, culture, StringComparison.OrdinalIgnoreCase));
            if (chosen is not null)
            {
                http.Response.Cookies.Append(
                    CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                    new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = false, SameSite = SameSiteMode.Lax });
            }
            return Results.LocalRedirect(LocalUrl.OrRoot(redirectUri));
        }).AllowAnonymous();
        return endpoints;
    }
}
