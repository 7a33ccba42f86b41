using System.Net;

using CallCenter.Telephony.Hosting;
using CallCenter.Telephony.Sip.Messages;
using CallCenter.Telephony.Sip.Registrar;
using CallCenter.Telephony.Sip.Security;
using CallCenter.Telephony.Sip.Transport;
using CallCenter.Telephony.Sip.Uas;

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

using CallCenter.Tests.Support;

namespace CallCenter.Tests.Sip.Registrar;

/// <summary>
/// The SIP server's services (registrar, authentication, security) without a transport, on a fake clock,
/// for unit tests: requests go straight to <see cref="SipRequestDispatcher"/>.
/// </summary>
internal sealed class TestSipServer : IDisposable
{
    public const string Realm = "callcenter";

    private readonly ServiceProvider _services;

    public TestSipServer(Dictionary<string, string?>? settings = null, InMemoryCredentialStore? credentials = null)
    {
        var configuration = new ConfigurationBuilder()
            // Both RFC 8760 algorithms offered, SHA-256 first, unless a test says otherwise (the product offers MD5 only).
            .AddInMemoryCollection(new Dictionary<string, string?> { ["CallCenter:Sip:Realm"] = Realm, ["CallCenter:Sip:Security:ChallengeAlgorithms"] = "SHA-256,MD5" })
            .AddInMemoryCollection(settings ?? [])
            .Build();
        Credentials = credentials ?? new InMemoryCredentialStore().Add("1001", "sip1001demo").Add("1002", "sip1002demo");
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<TimeProvider>(Time)
            .AddSingleton<ISipCredentialStore>(Credentials)
            .AddSingleton<ISecurityEventSink>(Events);
        services.AddOptions<SipOptions>().BindConfiguration(SipOptions.Section);
        services.AddCallCenterSipServer();
        _services = services.BuildServiceProvider(validateScopes: true);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));

    public InMemoryCredentialStore Credentials { get; }

    public RecordingSecurityEventSink Events { get; } = new();

    public SipRequestDispatcher Dispatcher => _services.GetRequiredService<SipRequestDispatcher>();

    public LocationService Location => _services.GetRequiredService<LocationService>();

    public SipSecurityMonitor Security => _services.GetRequiredService<SipSecurityMonitor>();

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public static SipEndPoint From(string address = "127.0.0.1", int port = 5999) => SipEndPoint.Udp(new IPEndPoint(IPAddress.Parse(address), port));

    public async Task<SipResponse?> SendAsync(string requestText, SipEndPoint? source = null) =>
        await Dispatcher.HandleAsync(SipTestMessages.Request(requestText), source ?? From(), Guid.NewGuid().ToString("N")[..12], CancellationToken.None);

    /// <summary>REGISTER → 401 → REGISTER with credentials for the first challenge; the final response.</summary>
    public async Task<SipResponse> RegisterAsync(
        string user,
        string password,
        string[] contacts,
        int? expires = null,
        string? callId = null,
        uint cseq = 1,
        SipEndPoint? source = null,
        string? algorithm = null)
    {
        callId ??= Guid.NewGuid().ToString("N");
        var challenge = await SendAsync(PhoneMessages.RegisterText(user, callId, cseq, contacts, expires), source);
        Assert.Equal(401, challenge!.StatusCode);
        var challenges = challenge.Headers.GetAll(SipHeaderNames.WwwAuthenticate);
        var chosen = algorithm is null ? challenges[0] : challenges.First(c => c.Contains($"algorithm={algorithm}", StringComparison.Ordinal));
        var authorization = PhoneMessages.Authorize(chosen, user, password);
        var response = await SendAsync(PhoneMessages.RegisterText(user, callId, cseq + 1, contacts, expires, authorization), source);
        return response!;
    }

    public void Dispose() => _services.Dispose();
}
