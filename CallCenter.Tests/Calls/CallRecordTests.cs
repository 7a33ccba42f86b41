using System.Net;

using CallCenter.Core.Data;
using CallCenter.Core.Domain;
using CallCenter.Telephony.Sip.Transport;
using CallCenter.Tests.Sip.Registrar;
using CallCenter.Tests.Support;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Tests.Calls;

/// <summary>
/// The whole app with the demo organisation: a call between two demo extensions through the B2BUA, routed
/// by Core's dial plan, becomes a call record through the call event stream and Core's writer.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class CallRecordTests(CallCenterWebFactory app)
{
    private IPEndPoint SipEndPoint => app.Services.GetRequiredService<ISipTransport>().UdpEndPoint!.EndPoint;

    [Fact]
    public async Task ExtensionCallBetweenDemoAgentsBecomesACallRecordWithItsLegs()
    {
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        var calleePort = SippRunner.FreeUdpPort();
        var registered = await SippRunner.RunAsync(SipEndPoint, "register-auth.xml", ["1002;300;"], "1002", "sip1002demo", calls: 1, localPort: calleePort);
        Assert.True(registered.ExitCode == 0, registered.ToString());
        var callee = CallSipp.RunAsync(SipEndPoint, CallSipp.Scenario("uas-answer.xml"), calleePort, "1002", "sip1002demo");
        // sipp binds its port at start; give it a moment before the INVITE reaches it.
        await Task.Delay(300);
        var caller = await CallSipp.RunAsync(SipEndPoint, CallSipp.Scenario("uac-call.xml"), SippRunner.FreeUdpPort(), "1001", "sip1001demo", "1002;1001;");
        var calleeResult = await callee;
        Assert.True(caller.ExitCode == 0, caller.ToString());
        Assert.True(calleeResult.ExitCode == 0, calleeResult.ToString());

        // One bounded wait: the writer saves every 200 ms; the record is complete once EndedAt is set.
        var call = await WaitForEndedCallAsync(since, TimeSpan.FromSeconds(5));

        Assert.NotNull(call);
        Assert.Equal(CallDirection.Internal, call.Direction);
        Assert.False(string.IsNullOrEmpty(call.SipCallId));
        Assert.NotNull(call.AnsweredAt);
        Assert.True(call.EndedAt >= call.AnsweredAt);
        Assert.True(call.TalkSeconds >= 0);
        Assert.Equal((HangupParty.Caller, "normal", false, false), (call.HangupBy, call.EndCause, call.IsAbandoned, call.IsAbnormal));
        var legs = call.Legs.OrderBy(l => l.StartedAt).ThenBy(l => l.Kind).ToArray();
        Assert.Equal([(CallLegKind.Customer, "1001"), (CallLegKind.Agent, "1002")], legs.Select(l => (l.Kind, l.Number)).ToArray());
        Assert.All(legs, l => Assert.NotNull(l.EndedAt));
        Assert.NotNull(legs[1].AgentId);
        Assert.Equal(legs[1].AgentId, call.AgentId);
    }

    private async Task<Call?> WaitForEndedCallAsync(DateTimeOffset since, TimeSpan limit)
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<CallCenterDbContext>>();
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            await using (var db = await factory.CreateDbContextAsync())
            {
                var calls = await db.Calls.AsNoTracking().Include(c => c.Legs)
                    .Where(c => c.CallerNumber == "1001" && c.DialledNumber == "1002" && c.EndedAt != null)
                    .ToListAsync();
                var call = calls.Where(c => c.OfferedAt >= since).OrderByDescending(c => c.OfferedAt).FirstOrDefault();
                if (call is not null || DateTime.UtcNow >= deadline)
                {
                    return call;
                }
            }
            await Task.Delay(100);
        }
    }
}
