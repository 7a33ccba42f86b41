using CallCenter.Tests.Support;
using Microsoft.Playwright;

namespace CallCenter.Tests.Browser;

/// <summary>
/// Debian's Chromium, headless, driven by Playwright, pointed at the shared running product
/// (<see cref="CallCenterWebFactory"/>: real Kestrel on loopback with the demo organisation).
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    /// <summary>Debian's build; Playwright's own browser download cannot be had here.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // The machine has no network but loopback: keep Chromium from reaching out.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A fresh browser context (own cookies) on the app, in Chinese as our users see it.</summary>
    public async Task<IPage> NewPageAsync(CallCenterWebFactory app, string locale = "zh-CN")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { Locale = locale, BaseURL = app.BaseUrl });
        // Generous: CI runs the whole suite on two cores, and Chromium shares them with the server.
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_playwright is not null)
        {
            await Browser.DisposeAsync();
            _playwright.Dispose();
        }
    }
}
