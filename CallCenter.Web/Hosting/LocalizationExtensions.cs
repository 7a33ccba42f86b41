using System.Globalization;

using Microsoft.AspNetCore.Localization;

namespace CallCenter.Web.Hosting;

/// <summary>Request cultures: Chinese (zh-CN) by default, English on request, chosen by a cookie.</summary>
public static class LocalizationExtensions
{
    public static readonly CultureInfo DefaultCulture = CultureInfo.GetCultureInfo("zh-CN");

    public static readonly IReadOnlyList<CultureInfo> SupportedCultures = [DefaultCulture, CultureInfo.GetCultureInfo("en")];

    public static IServiceCollection AddCallCenterLocalization(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(DefaultCulture);
            o.SupportedCultures = [.. SupportedCultures];
            o.SupportedUICultures = [.. SupportedCultures];
            // Only the cookie (set by the language switch) and the query string decide: the seats of a call
            // center are shared PCs whose browser language says little about what the agents read, and the
            // product is Chinese first. Accept-Language is therefore not consulted.
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
        return services;
    }

    public static WebApplication UseCallCenterLocalization(this WebApplication app)
    {
        app.UseRequestLocalization();
        return app;
    }
}
