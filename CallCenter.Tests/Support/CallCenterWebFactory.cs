using System.Net;

using CallCenter.Core.Domain;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Tests.Support;

/// <summary>
/// The whole web application on a real Kestrel port (loopback), a temporary DataDir with SQLite (and
/// Hangfire on SQLite), the demo organisation, one extra user per role ("t-agent", "t-shiftleader", ...
/// with <see cref="Password"/>), and sign-in over HTTP by posting the real login form with its
/// antiforgery token. Shared by the integration and browser tests (one app per test run: Hangfire
/// keeps a process-wide current storage).
/// </summary>
public sealed class CallCenterWebFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "Test2026pass";

    public CallCenterWebFactory()
    {
        DataDir = Directory.CreateTempSubdirectory("cc-web-").FullName;
        UseKestrel(0);
    }

    public string DataDir { get; }

    /// <summary>Where the app listens, e.g. http://127.0.0.1:43211 (no trailing slash).</summary>
    public string BaseUrl => ClientOptions.BaseAddress.ToString().TrimEnd('/');

    public static string UserNameFor(string role) => "t-" + role.ToLowerInvariant();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("CallCenter:DataDir", DataDir);
        builder.UseSetting("CallCenter:Demo:Enabled", "true");
        // SIP on loopback with an ephemeral port (UDP and TCP share it): never 5060, never another address.
        builder.UseSetting("CallCenter:Sip:ListenAddress", "127.0.0.1");
        builder.UseSetting("CallCenter:Sip:Port", "0");
        // As the README's run command: customers call the demo numbers from outside without credentials.
        builder.UseSetting("CallCenter:Sip:AllowUnauthenticatedInbound", "true");
        // Short registrations let baresip re-register within the test.
        builder.UseSetting("CallCenter:Sip:Registrar:MinExpiresSeconds", "5");
    }

    public async Task InitializeAsync()
    {
        StartServer();
        foreach (var role in Roles.All)
        {
            await CreateUserAsync(UserNameFor(role), role);
        }
    }

    public async Task<AppUser> CreateUserAsync(string userName, string? role, bool isActive = true)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = userName, DisplayName = userName, IsActive = isActive, CreatedAt = DateTimeOffset.UtcNow };
        Check(await users.CreateAsync(user, Password));
        if (role is not null)
        {
            Check(await users.AddToRoleAsync(user, role));
        }
        return user;
    }

    /// <summary>A browser-like client: keeps cookies, does not follow redirects (tests look at them).</summary>
    public HttpClient CreateBrowser()
    {
        // A plain client over real sockets: the app listens on Kestrel, like the browser tests see it.
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() };
        return new HttpClient(handler) { BaseAddress = ClientOptions.BaseAddress };
    }

    /// <summary>Opens /login (for its token) and posts the form; returns the POST's response.</summary>
    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string userName, string password, string? returnUrl = null)
    {
        var path = returnUrl is null ? "/login" : $"/login?ReturnUrl={Uri.EscapeDataString(returnUrl)}";
        var page = await client.GetStringAsync(path);
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = HtmlForms.AntiforgeryToken(page),
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
            ["Input.RememberMe"] = "true",
        });
        return await client.PostAsync(path, form);
    }

    /// <summary>A client signed in as the test user of this role (null: anonymous).</summary>
    public async Task<HttpClient> CreateBrowserAsync(string? role)
    {
        var client = CreateBrowser();
        if (role is null)
        {
            return client;
        }
        var response = await PostLoginAsync(client, UserNameFor(role), Password);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {role} failed: {(int)response.StatusCode}");
        }
        return client;
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
            // SQLite/sqlite-net may hold a file a moment longer; a temp folder left behind is harmless.
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
