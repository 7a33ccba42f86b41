using CallCenter.Web.Hosting;

using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.JSInterop;

namespace CallCenter.Web.Components.Layout;

public partial class MainLayout
{
    // Per browser, not per user: the same seat PC keeps its light or dark screen whoever signs in.
    private const string ThemeStorageKey = "callcenter.theme";

    [Inject]
    private IStringLocalizer<SharedResource> L { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    private bool IsDarkMode { get; set; }

    private bool DrawerOpen { get; set; } = true;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender || !RendererInfo.IsInteractive)
        {
            return;
        }
        try
        {
            var stored = await JS.InvokeAsync<string?>("localStorage.getItem", ThemeStorageKey);
            if (stored == "dark" && !IsDarkMode)
            {
                IsDarkMode = true;
                StateHasChanged();
            }
        }
        catch (JSException)
        {
            // Storage disabled by browser policy: keep the light theme.
        }
    }

    private void ToggleDrawer()
    {
        DrawerOpen = !DrawerOpen;
    }

    private async Task ToggleThemeAsync()
    {
        IsDarkMode = !IsDarkMode;
        try
        {
            await JS.InvokeVoidAsync("localStorage.setItem", ThemeStorageKey, IsDarkMode ? "dark" : "light");
        }
        catch (JSException)
        {
            // Not remembered, but switched for this page.
        }
    }
}
