using CallCenter.Telephony.Acd;
using CallCenter.Telephony.Calls;
using CallCenter.Telephony.Events;
using CallCenter.Telephony.Routing;
using CallCenter.Telephony.Voicemail;
using CallCenter.Tests.Calls.Control;
using CallCenter.Tests.Sip.Registrar;
using CallCenter.Tests.Support;

using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Tests.Calls.Queues;

/// <summary>
/// A <see cref="PartyCallFixture"/> whose host has an ACD queue "sales" (dialled as 4000), a voicemail folder and a
/// blacklist, and takes calls from outside without credentials: customers are sipp callers from a number.
/// </summary>
internal sealed class QueueCallFixture : IAsyncDisposable
{
    private QueueCallFixture(PartyCallFixture calls, FolderVoicemailStore voicemail, ListBlacklist blacklist)
    {
        Calls = calls;
        Voicemail = voicemail;
        Blacklist = blacklist;
    }

    public PartyCallFixture Calls { get; }

    public FolderVoicemailStore Voicemail { get; }

    public ListBlacklist Blacklist { get; }

    public AcdService Acd => Calls.Host.Services.GetRequiredService<AcdService>();

    public static Task<QueueCallFixture> StartAsync(AcdQueueConfig sales, params string[] blacklisted) => StartAsync(sales, [], blacklisted);

    public static async Task<QueueCallFixture> StartAsync(AcdQueueConfig sales, Dictionary<string, string?> settings, params string[] blacklisted)
    {
        var voicemail = new FolderVoicemailStore();
        var blacklist = new ListBlacklist(blacklisted);
        var calls = await PartyCallFixture.StartAsync(
            new Dictionary<string, string?>(settings) { ["CallCenter:Sip:AllowUnauthenticatedInbound"] = "true" },
            services =>
            {
                services.AddSingleton<IAcdDirectory>(new TestAcdDirectory(sales));
                services.AddSingleton<IVoicemailStore>(voicemail);
                services.AddSingleton<IBlacklist>(blacklist);
            });
        return new QueueCallFixture(calls, voicemail, blacklist);
    }

    /// <summary>
    /// A customer calls 4000 from <paramref name="callerNumber"/> with a party sending <paramref name="frequency"/>; returns once
    /// the engine took the call (it answered and the call joined the queue, or was refused with a message), with the
    /// call and the customer's party, which then sends to the server.
    /// </summary>
    public async Task<(CallSession Call, ToneParty Party)> CustomerCallsAsync(string callerNumber, double frequency, string number = "4000",
        bool hangsUp = false, string? password = null)
    {
        var party = new ToneParty(frequency);
        // With a password the caller is an agent's phone (challenged, then calling as its extension), else a customer from outside.
        var scenario = password is not null ? "uac-party-inband.xml" : hangsUp ? "uac-inbound-hangup.xml" : "uac-inbound-party.xml";
        var phone = CallSipp.RunAsync(Calls.Host.UdpEndPoint, CallSipp.Scenario(scenario), SippRunner.FreeUdpPort(), callerNumber, password ?? "none",
            $"{number};{callerNumber};{party.Port};", timeoutSeconds: 30);
        Calls.Adopt(party, phone);
        var offered = await Calls.WaitForEventAsync<CallOffered>(e => e.CallerNumber == callerNumber, PartyCallFixture.Deadline);
        var call = await WaitForCallAsync(offered.CallId);
        party.SendTo(call.Caller.Media!.Endpoint.LocalRtp);
        return (call, party);
    }

    /// <summary>
    /// Logs <paramref name="extensions"/> in (Ready), each with a phone that answers with a party sending its own tone
    /// (500 Hz, 700 Hz...) and gives up waiting for a call after <paramref name="phoneTimeoutSeconds"/>.
    /// </summary>
    public async Task<Dictionary<string, ToneParty>> ReadyAgentsAsync(string[] extensions, int phoneTimeoutSeconds = 20)
    {
        var parties = new Dictionary<string, ToneParty>();
        foreach (var (extension, index) in extensions.Select((e, i) => (e, i)))
        {
            parties[extension] = await Calls.AnsweringPhoneAsync(extension, 500 + (200 * index), phoneTimeoutSeconds);
            var login = await Acd.LoginAsync(extension, CancellationToken.None);
            Assert.True(login.Succeeded, login.Reason);
        }
        return parties;
    }

    private async Task<CallSession> WaitForCallAsync(Guid callId)
    {
        using var timeout = new CancellationTokenSource(PartyCallFixture.Deadline);
        while (true)
        {
            if (Calls.Calls.Find(callId) is { Caller.Media.Audio: not null } call)
            {
                return call;
            }
            Assert.False(timeout.IsCancellationRequested, "the engine did not take the customer's call");
            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Calls.DisposeAsync();
        Voicemail.Dispose();
    }
}
