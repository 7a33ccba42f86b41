using System.Globalization;
using System.Net;

using CallCenter.Core.Data;
using CallCenter.Core.Demo;
using CallCenter.Telephony.Acd;
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
/// A real call into the agent workspace: sipp calls 4001 (sales) from 13800138000, extension 1001's phone (sipp) answers;
/// agent01's page in Chromium shows 张伟's card within one second of the INVITE, the agent holds and resumes, writes a
/// service record and hangs up, and the call with its recording and the service record are in 张伟's history. A second
/// tab of the agent follows the same call, also after a reload.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class WorkspaceScreenPopTests(CallCenterWebFactory app, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private IPEndPoint SipEndPoint => app.Services.GetRequiredService<ISipTransport>().UdpEndPoint!.EndPoint;

    [Fact]
    public async Task AgentTakesZhangWeisCallWithItsCardHoldsWritesAServiceRecordAndFindsItAllInTheHistory()
    {
        // agent01's phone answers whatever rings it, with a 440 Hz party as its voice.
        var phonePort = SippRunner.FreeUdpPort();
        var registered = await SippRunner.RunAsync(SipEndPoint, "register-auth.xml", ["1001;120;"], "1001", "sip1001demo", calls: 1, localPort: phonePort);
        Assert.True(registered.ExitCode == 0, registered.ToString());
        await using var agentVoice = new ToneParty(440);
        await using var customerVoice = new ToneParty(1000);
        var phone = CallSipp.RunAsync(SipEndPoint, CallSipp.Scenario("uas-party.xml"), phonePort, "1001", "sip1001demo", $"{agentVoice.Port};", timeoutSeconds: 60);

        var page = await chromium.NewPageAsync(app);
        await page.SignInAsync("agent01");
        await page.GotoAsync("/workspace");
        // Opening the workspace logs agent01 in to its queues.
        await Assertions.Expect(page.GetByTestId("agent-status")).ToContainTextAsync("示闲");
        await page.EvaluateAsync(
            """
            () => new MutationObserver((_, observer) => {
              const name = document.querySelector('[data-testid=customer-name]');
              if (name && name.textContent.includes('张伟')) { window.popAt = Date.now(); observer.disconnect(); }
            }).observe(document.body, { childList: true, subtree: true, characterData: true })
            """);

        var offered = new TaskCompletionSource<CallOffered>(TaskCreationOptions.RunContinuationsAsynchronously);
        using (app.Services.GetRequiredService<CallEventStream>().Subscribe(e =>
        {
            if (e is CallOffered { CallerNumber: DemoContract.ZhangWeiNumber } o)
            {
                offered.TrySetResult(o);
            }
        }))
        {
            var customer = CallSipp.RunAsync(SipEndPoint, CallSipp.Scenario("uac-inbound-party.xml"), SippRunner.FreeUdpPort(), DemoContract.ZhangWeiNumber,
                "none", $"4001;{DemoContract.ZhangWeiNumber};{customerVoice.Port};", timeoutSeconds: 60);
            var call = await offered.Task.WaitAsync(TimeSpan.FromSeconds(10));

            await Assertions.Expect(page.GetByTestId("customer-name")).ToHaveTextAsync("张伟");
            var popAt = await page.EvaluateAsync<double>("() => window.popAt");
            var popDelay = DateTimeOffset.FromUnixTimeMilliseconds((long)popAt) - call.At;
            Assert.True(popDelay < TimeSpan.FromSeconds(1), $"the card came {popDelay.TotalMilliseconds:F0} ms after the INVITE");
            await Assertions.Expect(page.GetByTestId("call-number")).ToHaveTextAsync(DemoContract.ZhangWeiNumber);
            await Assertions.Expect(page.GetByTestId("call-state")).ToHaveTextAsync("通话中");

            // A second tab of agent01 shows the same call, and the hold pushed to both; a reload (a new circuit) keeps it.
            var secondTab = await page.Context.NewPageAsync();
            await secondTab.GotoAsync("/workspace");
            await Assertions.Expect(secondTab.GetByTestId("call-state")).ToHaveTextAsync("通话中");
            await page.GetByTestId("action-hold").ClickAsync();
            await Assertions.Expect(page.GetByTestId("call-state")).ToHaveTextAsync("已保持");
            await Assertions.Expect(secondTab.GetByTestId("call-state")).ToHaveTextAsync("已保持");
            await secondTab.ReloadAsync();
            await Assertions.Expect(secondTab.GetByTestId("call-state")).ToHaveTextAsync("已保持");
            await Assertions.Expect(secondTab.GetByTestId("customer-name")).ToHaveTextAsync("张伟");
            await secondTab.CloseAsync();
            await page.GetByTestId("action-resume").ClickAsync();
            await Assertions.Expect(page.GetByTestId("call-state")).ToHaveTextAsync("通话中");

            var content = "客户咨询发票寄送进度 " + Guid.NewGuid().ToString("N")[..6];
            await page.Locator("textarea[data-testid=service-record-content]").FillAsync(content);
            await page.GetByTestId("service-record-save").ClickAsync();
            await Assertions.Expect(page.GetByTestId("history-service-records")).ToContainTextAsync(content);

            await page.GetByTestId("action-hangup").ClickAsync();
            await Assertions.Expect(page.GetByTestId("call-number")).ToHaveCountAsync(0);
            Assert.True((await customer).ExitCode == 0);
            Assert.True((await phone).ExitCode == 0);

            // 张伟's history: this call, with its recording playable by the agent who took it, and the service record.
            var zhangWei = await ZhangWeiIdAsync();
            await page.GotoAsync($"/customers/{zhangWei}");
            var calls = page.GetByTestId("history-calls");
            await Assertions.Expect(calls.GetByTestId("recording-player").First).ToBeAttachedAsync(new() { Timeout = 15_000 });
            await Assertions.Expect(page.GetByTestId("history-service-records")).ToContainTextAsync(content);
            var recorded = await RecordingOfAsync(call.CallId);
            Assert.NotNull(recorded);
            Assert.Equal(recorded, await calls.GetByTestId("recording-player").First.GetAttributeAsync("src"));
        }
        app.Services.GetRequiredService<AcdService>().Logout("1001");
    }

    private async Task<Guid> ZhangWeiIdAsync()
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<CallCenterDbContext>>().CreateDbContextAsync();
        return await db.CustomerPhones.Where(p => p.Number == DemoContract.ZhangWeiNumber).Select(p => p.CustomerId).FirstAsync();
    }

    private async Task<string?> RecordingOfAsync(Guid callId)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<CallCenterDbContext>>().CreateDbContextAsync();
        var id = await db.Calls.Where(c => c.Id == callId).Select(c => c.RecordingId).SingleAsync();
        return id is { } recording ? string.Create(CultureInfo.InvariantCulture, $"/recordings/{recording}") : null;
    }
}
