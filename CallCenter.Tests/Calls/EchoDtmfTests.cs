using System.Globalization;
using System.Net;

using CallCenter.Telephony.Events;
using CallCenter.Telephony.Sip.Transport;
using CallCenter.Tests.Sip.Registrar;
using CallCenter.Tests.Support;

using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Tests.Calls;

/// <summary>
/// DTMF in the media of a call: a sipp caller of the demo's echo test (9196) plays an RFC 4733 key press
/// (sipp's dtmf_2833_1.pcap, telephone-event payload type 101) and the call reports it once as digit 1.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class EchoDtmfTests(CallCenterWebFactory app)
{
    private IPEndPoint SipEndPoint => app.Services.GetRequiredService<ISipTransport>().UdpEndPoint!.EndPoint;

    [Fact]
    public async Task Rfc4733KeyPressToTheEchoTestIsReportedAsDtmfReceived()
    {
        var events = new List<CallEvent>();
        using var subscription = app.Services.GetRequiredService<CallEventStream>().Subscribe(e =>
        {
            lock (events)
            {
                events.Add(e);
            }
        });

        var caller = await CallSipp.RunAsync(SipEndPoint, CallSipp.Scenario("uac-dtmf.xml"), SippRunner.FreeUdpPort(), "1001", "sip1001demo", "9196;1001;",
            extra: ["-mp", SippRunner.FreeUdpPort().ToString(CultureInfo.InvariantCulture)]);
        Assert.True(caller.ExitCode == 0, caller.ToString());

        // CallEnded follows the 200 to the BYE; one bounded wait for it.
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (DateTime.UtcNow < deadline)
        {
            lock (events)
            {
                if (events.OfType<CallEnded>().Any())
                {
                    break;
                }
            }
            await Task.Delay(50);
        }
        CallEvent[] call;
        lock (events)
        {
            var offered = Assert.Single(events.OfType<CallOffered>(), e => e.DialledNumber == "9196" && e.CallerNumber == "1001");
            call = events.Where(e => e.CallId == offered.CallId).ToArray();
        }
        var legA = Assert.Single(call.OfType<LegStarted>(), l => l.Role == CallLegRole.Customer);
        var dtmf = Assert.Single(call.OfType<DtmfReceived>());
        Assert.Equal(('1', DtmfMethod.Rfc4733, legA.LegId), (dtmf.Digit, dtmf.Method, dtmf.LegId));
        Assert.Single(call.OfType<CallEnded>());
    }
}
