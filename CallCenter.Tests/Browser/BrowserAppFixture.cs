using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;

namespace CallCenter.Tests.Browser;

/// <summary>
/// The whole product on a real Kestrel port (loopback) with the demo organisation in a fresh
/// data folder, and Debian's Chromium driven by Playwright. Shared by the browser tests of a class.
/// </summary>
public sealed class BrowserAppFixture : IAsyncLifetime
{
    /// <summary>Debian's build; Playwright's own browser download cannot be had here.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "cc-browser-" + Guid.NewGuid().ToString("N"));
    private WebApplicationFactory<Program>? _factory;
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("CallCenter:DataDir", _dataDir);
            web.UseSetting("CallCenter:Demo:Enabled", "true");
        });
        _factory.UseKestrel(0);
        _factory.StartServer();
        BaseUrl = _factory.ClientOptions.BaseAddress.ToString().TrimEnd('/');

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // The machine has no network but loopback: keep Chromium from reaching out.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A fresh browser context (own cookies) in Chinese, as our users see it.</summary>
    public async Task<IPage> NewPageAsync(string locale = "zh-CN")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { Locale = locale, BaseURL = BaseUrl });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; a temp folder left behind is harmless.
        }
    }
}
