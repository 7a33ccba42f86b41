using System.Globalization;
using System.Net;

using CallCenter.Core.Data;
using CallCenter.Telephony.Calls;
using CallCenter.Telephony.Calls.Control;
using CallCenter.Telephony.Events;
using CallCenter.Telephony.Sip.Transport;
using CallCenter.Tests.Calls;
using CallCenter.Tests.Sip.Registrar;
using CallCenter.Tests.Support;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CallCenter.Tests.Browser;

/// <summary>
/// A call through the demo organisation (sipp 1001 → sipp 1002, each with a tone party) is recorded by the demo's
/// rules, catalogued with its call, and the supervisor's Chromium plays the recording from /recordings/{id}.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class RecordingPlaybackTests(CallCenterWebFactory app, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private IPEndPoint SipEndPoint => app.Services.GetRequiredService<ISipTransport>().UdpEndPoint!.EndPoint;

    [Fact]
    public async Task DemoCallIsRecordedAndTheSupervisorsBrowserPlaysIt()
    {
        var callId = await RecordedCallAsync(TimeSpan.FromSeconds(3));
        var recording = await WaitForRecordingAsync(callId);

        var page = await chromium.NewPageAsync(app);
        await page.SignInAsync("supervisor");
        // Decoded by the browser itself: duration from the Ogg pages (range requests), then real playback (muted).
        var played = await page.EvaluateAsync<double[]>(
            """
            async src => {
              const audio = new Audio(src);
              audio.muted = true;
              await new Promise((resolve, reject) => { audio.onloadedmetadata = resolve; audio.onerror = () => reject(new Error('error ' + audio.error?.code)); });
              await audio.play();
              await new Promise(resolve => setTimeout(resolve, 1200));
              return [audio.duration, audio.currentTime];
            }
            """, $"/recordings/{recording.Id}");

        Assert.InRange(played[0], recording.DurationSeconds - 0.1, recording.DurationSeconds + 0.1);
        Assert.InRange(recording.DurationSeconds, 2.5, 4.5);
        Assert.True(played[1] > 0.5, $"the browser played only {played[1].ToString(CultureInfo.InvariantCulture)} s");
    }

    // 1002 registers and answers with a 440 Hz party, 1001 calls it with a 1 kHz party; hung up by call control.
    private async Task<Guid> RecordedCallAsync(TimeSpan talk)
    {
        var calleePort = SippRunner.FreeUdpPort();
        var registered = await SippRunner.RunAsync(SipEndPoint, "register-auth.xml", ["1002;120;"], "1002", "sip1002demo", calls: 1, localPort: calleePort);
        Assert.True(registered.ExitCode == 0, registered.ToString());
        await using var agent = new ToneParty(440);
        await using var customer = new ToneParty(1000);
        var answered = new TaskCompletionSource<Guid>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = app.Services.GetRequiredService<CallEventStream>().Subscribe(e =>
        {
            if (e is CallAnswered)
            {
                answered.TrySetResult(e.CallId);
            }
        });
        var callee = CallSipp.RunAsync(SipEndPoint, CallSipp.Scenario("uas-party.xml"), calleePort, "1002", "sip1002demo", $"{agent.Port};", timeoutSeconds: 20);
        await Task.Delay(300);
        var caller = CallSipp.RunAsync(SipEndPoint, CallSipp.Scenario("uac-party.xml"), SippRunner.FreeUdpPort(), "1001", "sip1001demo",
            $"1002;1001;{customer.Port};", timeoutSeconds: 20);
        var callId = await answered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var call = app.Services.GetRequiredService<CallRegistry>().Find(callId)!;
        customer.SendTo(call.Caller.Media!.Endpoint.LocalRtp);
        agent.SendTo(call.Callee!.Media!.Endpoint.LocalRtp);
        await Task.Delay(talk);
        Assert.True((await app.Services.GetRequiredService<ICallControl>().HangupAsync(callId)).Succeeded);
        Assert.True((await caller).ExitCode == 0);
        Assert.True((await callee).ExitCode == 0);
        return callId;
    }

    private async Task<CallCenter.Core.Domain.Recording> WaitForRecordingAsync(Guid callId)
    {
        var contexts = app.Services.GetRequiredService<IDbContextFactory<CallCenterDbContext>>();
        for (var i = 0; i < 100; i++)
        {
            await using var db = await contexts.CreateDbContextAsync();
            var call = await db.Calls.AsNoTracking().Include(c => c.Recording).SingleOrDefaultAsync(c => c.Id == callId);
            if (call?.Recording is { SizeBytes: > 0 } recording)
            {
                return recording;
            }
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException($"Call {callId} has no completed recording in the catalogue after 10 s.");
    }
}
