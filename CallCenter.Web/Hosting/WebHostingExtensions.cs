using System.Text.Encodings.Web;
using System.Text.Unicode;

using CallCenter.Web.Components;
using CallCenter.Web.Hosting.Health;
using CallCenter.Web.Hosting.Identity;
using CallCenter.Web.Hosting.Jobs;

using Microsoft.Extensions.WebEncoders;

using MudBlazor;
using MudBlazor.Services;

namespace CallCenter.Web.Hosting;

/// <summary>The web application's wiring, so that Program.cs stays a table of contents.</summary>
public static class WebHostingExtensions
{
    public static WebApplicationBuilder AddCallCenterWeb(this WebApplicationBuilder builder)
    {
        AppSettingsFile.AddCopyBesideBinaries(builder.Configuration);

        // Static web assets (MudBlazor's CSS/JS, the scoped CSS bundle) are found through a manifest the
        // default builder only reads in Development; `dotnet run -c Release` from the sources needs it too.
        // In a published app the manifest is absent and this does nothing.
        builder.WebHost.UseStaticWebAssets();

        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        // Hanzi as text, not as &#x...; entities: readable source, a third of the bytes.
        builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddMudServices();
        builder.Services.AddTransient<MudLocalizer, ResxMudLocalizer>();
        builder.Services.AddCallCenterLocalization();
        builder.AddCallCenterIdentity();
        builder.AddCallCenterJobs();
        builder.Services.AddCallCenterHealthChecks();
        // Pages capture the caller's address for the audit log while prerendering.
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<Users.CurrentUserService>();
        builder.Services.AddScoped<Workspace.AgentDesk>();
        return builder;
    }

    public static WebApplication UseCallCenterWeb(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        }

        // No UseHttpsRedirection/HSTS: the product runs on plain http inside a company LAN, next to SIP
        // phones that reach it by IP address, where no certificate exists. TLS, when wanted, is terminated
        // by a reverse proxy in front of it.
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseCallCenterLocalization();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapCallCenterHealthChecks();
        app.MapCultureEndpoint();
        app.MapAccountEndpoints();
        app.MapRecordingEndpoints();
        app.MapCallCenterJobs();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
