using System.Globalization;
using System.Security.Claims;

using Bunit;

using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;

using MudBlazor.Services;

namespace CallCenter.Tests.Support;

/// <summary>
/// The shared bUnit set-up for Web components: MudBlazor services with JS interop in loose mode (as
/// MudBlazor's own tests), the app's localization (Resources/*.resx) and a signed-in user with roles.
/// Texts come out in Chinese unless a test calls <see cref="UseCulture"/>.
/// </summary>
public abstract class WebBunitContext : BunitContext, IAsyncLifetime
{
    private bool _disposedAsync;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;

    protected WebBunitContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLocalization(o => o.ResourcesPath = "Resources");
        Services.AddSingleton<AntiforgeryStateProvider, FixedAntiforgeryStateProvider>();
        UseCulture("zh-CN");
    }

    /// <summary>Signs in a user with these roles (none: anonymous).</summary>
    protected void SignInAs(string userName, params string[] roles)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized(userName);
        auth.SetRoles(roles);
        auth.SetClaims(new Claim(ClaimTypes.Name, userName));
        // Set after the services: reaching the renderer builds the service provider.
        Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    protected static void UseCulture(string name)
    {
        var culture = CultureInfo.GetCultureInfo(name);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
    }

    Task IAsyncLifetime.InitializeAsync()
    {
        return Task.CompletedTask;
    }

    // MudBlazor registers services that only dispose asynchronously; xUnit 2 awaits this before Dispose.
    async Task IAsyncLifetime.DisposeAsync()
    {
        _disposedAsync = true;
        RestoreCulture();
        await base.DisposeAsync();
    }

    protected override void Dispose(bool disposing)
    {
        RestoreCulture();
        if (!_disposedAsync)
        {
            base.Dispose(disposing);
        }
    }

    private void RestoreCulture()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
    }

    private sealed class FixedAntiforgeryStateProvider : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken GetAntiforgeryToken()
        {
            return new AntiforgeryRequestToken("test-token", "__RequestVerificationToken");
        }
    }
}
