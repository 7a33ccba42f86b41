using System.Net;

using CallCenter.Core.Data;
using CallCenter.Core.Domain;
using CallCenter.Telephony.Simulation;
using CallCenter.Telephony.Sip.Registrar;
using CallCenter.Telephony.Sip.Transport;
using CallCenter.Tests.Support;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Tests.Simulation;

/// <summary>
/// Simulated phones against the whole app with the demo organisation: they register with the demo SIP passwords (Core's
/// credential store), dial feature codes, and a call between two of them through the B2BUA becomes a call record.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class SimulationWebAppTests(CallCenterWebFactory app) : IDisposable
{
    private readonly SimulatedMediaClock _clock = new();

    private IPEndPoint Server => app.Services.GetRequiredService<ISipTransport>().UdpEndPoint!.EndPoint;

    private LocationService Location => app.Services.GetRequiredService<LocationService>();

    [Fact]
    public async Task DemoAgentPhonesRegisterAndLogInAndOutWithFeatureCodes()
    {
        var phones = new[] { "1007", "1008", "1009" }.Select(e =>
            new SimulatedAgentPhone(Server, _clock, new SimulatedAgentPhoneOptions { Extension = e, Password = $"sip{e}demo" })).ToArray();
        try
        {
            var statuses = await Task.WhenAll(phones.Select(p => p.RegisterAsync()));
            Assert.Equal(new[] { 200, 200, 200 }, statuses);
            foreach (var phone in phones)
            {
                Assert.Contains(Location.GetBindings(phone.Extension), b => b.Source.EndPoint.Port == phone.LocalEndPoint.Port);
            }

            // *61 logs the demo agent in to its queues (Ready); *63 logs it out again, so other tests find it as they expect.
            var acd = app.Services.GetRequiredService<Telephony.Acd.AcdService>();
            Assert.Equal(200, await phones[0].DialFeatureCodeAsync("*61").WaitAsync(TimeSpan.FromSeconds(15)));
            Assert.Equal(Telephony.Acd.AgentStatus.Ready, acd.GetAgent("1007")!.Status);
            Assert.Equal(200, await phones[0].DialFeatureCodeAsync("*63").WaitAsync(TimeSpan.FromSeconds(15)));
            Assert.Equal(Telephony.Acd.AgentStatus.LoggedOut, acd.GetAgent("1007")!.Status);
        }
        finally
        {
            foreach (var phone in phones)
            {
                await phone.DisposeAsync();
            }
        }
        Assert.All(phones, p => Assert.DoesNotContain(Location.GetBindings(p.Extension), b => b.Source.EndPoint.Port == p.LocalEndPoint.Port));
    }

    [Fact]
    public async Task Agent1001Calling1002ThroughTheB2buaBecomesACallRecord()
    {
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        await using var caller = new SimulatedAgentPhone(Server, _clock,
            new SimulatedAgentPhoneOptions { Extension = "1001", Password = "sip1001demo", ToneFrequencyHz = 600 });
        await using var callee = new SimulatedAgentPhone(Server, _clock, new SimulatedAgentPhoneOptions
        {
            Extension = "1002",
            Password = "sip1002demo",
            ToneFrequencyHz = 900,
            AnswerPolicy = _ => new IncomingCallPlan(TimeSpan.FromMilliseconds(300), null),
        });
        Assert.Equal(200, await caller.RegisterAsync());
        Assert.Equal(200, await callee.RegisterAsync());

        var call = caller.Dial("1002");
        Assert.Equal(200, await call.FinalResponse.WaitAsync(TimeSpan.FromSeconds(10)));
        var received = Assert.Single(callee.RecentCalls);
        // Half a second of each other's audio (bounded wait: the machine may be busy), then the callee hangs up.
        await SimulationTelephonyHost.WaitHeardAsync(call, received);
        await received.HangUpAsync();
        await call.Ended.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(("1001", SimulatedCallEndReason.LocalHangUp, SimulatedCallEndReason.RemoteHangUp), (received.RemoteNumber, received.EndReason, call.EndReason));
        Assert.True(call.Media.PacketsHeardFrom(received.Media) > 20, $"caller heard {call.Media.PacketsHeardFrom(received.Media)} packets of the callee");
        Assert.True(received.Media.PacketsHeardFrom(call.Media) > 20, $"callee heard {received.Media.PacketsHeardFrom(call.Media)} packets of the caller");

        var record = await WaitForEndedCallAsync(call.CallId, since);
        Assert.NotNull(record);
        Assert.Equal(("1001", "1002", CallDirection.Internal), (record.CallerNumber, record.DialledNumber, record.Direction));
        Assert.Equal((HangupParty.Agent, "normal"), (record.HangupBy, record.EndCause));
        Assert.NotNull(record.AnsweredAt);
        Assert.NotNull(record.AgentId);
    }

    public void Dispose() => _clock.Dispose();

    private async Task<Call?> WaitForEndedCallAsync(string sipCallId, DateTimeOffset since)
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<CallCenterDbContext>>();
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (true)
        {
            await using (var db = await factory.CreateDbContextAsync())
            {
                var call = await db.Calls.AsNoTracking().SingleOrDefaultAsync(c => c.SipCallId == sipCallId && c.EndedAt != null);
                if (call is not null || DateTime.UtcNow >= deadline)
                {
                    return call is null || call.OfferedAt >= since ? call : null;
                }
            }
            await Task.Delay(100);
        }
    }
}
