using CallCenter.Telephony.Acd;
using CallCenter.Tests.Calls.Control;
using CallCenter.Tests.Sip.Registrar;
using CallCenter.Tests.Support;

namespace CallCenter.Tests.Calls.Queues;

/// <summary>An agent without a browser: feature codes dialled from its phone, and what its phone's registration does to its state.</summary>
public sealed class AgentPhoneTests
{
    [Fact]
    public async Task FeatureCodesLogInGoNotReadyAndLogOut()
    {
        await using var queue = await QueueCallFixture.StartAsync(TestAcdDirectory.Sales(AcdStrategy.Priority, ("1001", 0)));

        await DialAsync(queue, "*61");
        Assert.Equal(AgentStatus.Ready, queue.Acd.GetAgent("1001")!.Status);
        await DialAsync(queue, "*62");
        Assert.Equal((AgentStatus.NotReady, NotReadyReasons.Break), (queue.Acd.GetAgent("1001")!.Status, queue.Acd.GetAgent("1001")!.Reason));
        await DialAsync(queue, "*63");
        Assert.Equal(AgentStatus.LoggedOut, queue.Acd.GetAgent("1001")!.Status);
    }

    [Fact]
    public async Task PhoneUnregisteringWhileReadyGoesNotReadyPhoneOffline()
    {
        await using var queue = await QueueCallFixture.StartAsync(TestAcdDirectory.Sales(AcdStrategy.Priority, ("1001", 0)));
        var port = SippRunner.FreeUdpPort();
        var registered = await SippRunner.RunAsync(queue.Calls.Host.UdpEndPoint, "register-auth.xml", ["1001;300;"], "1001", "sip1001demo", calls: 1, localPort: port);
        Assert.True(registered.ExitCode == 0, registered.ToString());
        Assert.True((await queue.Acd.LoginAsync("1001", CancellationToken.None)).Succeeded);

        var removed = await SippRunner.RunAsync(queue.Calls.Host.UdpEndPoint, "register-auth.xml", ["1001;0;"], "1001", "sip1001demo", calls: 1, localPort: port);

        Assert.True(removed.ExitCode == 0, removed.ToString());
        var agent = queue.Acd.GetAgent("1001")!;
        Assert.Equal((AgentStatus.NotReady, NotReadyReasons.PhoneOffline), (agent.Status, agent.Reason));
    }

    // The phone dials the code: the engine answers, confirms with a beep and hangs up (uac-wait-bye ends well only then).
    private static async Task DialAsync(QueueCallFixture queue, string code)
    {
        var result = await CallSipp.RunAsync(queue.Calls.Host.UdpEndPoint, CallSipp.Scenario("uac-wait-bye.xml"), SippRunner.FreeUdpPort(), "1001", "sip1001demo",
            $"{code};1001;", timeoutSeconds: 15, extra: ["-mp", SippRunner.FreeUdpPort().ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        Assert.True(result.ExitCode == 0, result.ToString());
    }
}
