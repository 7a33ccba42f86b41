using System.Collections.Concurrent;

using CallCenter.Telephony.Calls;
using CallCenter.Telephony.Media;
using CallCenter.Tests.Sip.Registrar;

using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Tests.Calls;

/// <summary>
/// sipp as both phones through the B2BUA on 127.0.0.1: 1002 registers and answers (a sipp UAS on the port it
/// registered from), 1001 calls it with digest credentials.
/// </summary>
public sealed class B2buaCallTests : IAsyncLifetime
{
    private SipTestHost _host = null!;
    private readonly ConcurrentQueue<CallEvent> _events = new();
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IDisposable? _subscription;

    private CallRegistry Calls => _host.Services.GetRequiredService<CallRegistry>();

    public async Task InitializeAsync()
    {
        // sipp 3.6 computes MD5 only.
        _host = await SipTestHost.StartAsync(new()
        {
            ["CallCenter:Sip:Security:ChallengeAlgorithms"] = "MD5",
            ["CallCenter:Calls:RingTimeoutSeconds"] = "2",
            ["CallCenter:Rtp:PortMin"] = "31000",
            ["CallCenter:Rtp:PortMax"] = "31998",
        });
        _subscription = Calls.Events.Subscribe(e =>
        {
            _events.Enqueue(e);
            if (e.Kind == CallEventKind.Ended)
            {
                _ended.TrySetResult();
            }
        });
    }

    public async Task DisposeAsync()
    {
        _subscription?.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task ExtensionCallCompletesAndRaisesOfferedAnsweredEnded()
    {
        var (caller, callee) = await CallAsync("uac-call.xml", "uas-answer.xml");

        Assert.True(caller.ExitCode == 0, caller.ToString());
        Assert.True(callee.ExitCode == 0, callee.ToString());
        var kinds = _events.Select(e => e.Kind).ToArray();
        Assert.Equal([CallEventKind.Offered, CallEventKind.Ringing, CallEventKind.Answered, CallEventKind.Ended], kinds);
        var ended = _events.Last();
        Assert.Equal(CallParty.Caller, ended.HungUpBy);
        Assert.Equal(("1001", "1002"), (ended.From, ended.To));
        Assert.Equal(0, Calls.Count);
    }

    [Fact]
    public async Task CalleeHangsUpAndTheCallerGetsTheBye()
    {
        var (caller, callee) = await CallAsync("uac-wait-bye.xml", "uas-hangup.xml");

        Assert.True(caller.ExitCode == 0, caller.ToString());
        Assert.True(callee.ExitCode == 0, callee.ToString());
        Assert.Equal(CallParty.Callee, Assert.Single(_events, e => e.Kind == CallEventKind.Ended).HungUpBy);
        Assert.Equal(0, Calls.Count);
    }

    [Fact]
    public async Task CallerCancelsAfterRingingAndGets487()
    {
        var (caller, callee) = await CallAsync("uac-cancel.xml", "uas-ring.xml");

        Assert.True(caller.ExitCode == 0, caller.ToString());
        Assert.True(callee.ExitCode == 0, callee.ToString());
        var ended = Assert.Single(_events, e => e.Kind == CallEventKind.Ended);
        Assert.Equal(("487", CallParty.Caller), (ended.Cause, ended.HungUpBy));
        Assert.DoesNotContain(_events, e => e.Kind == CallEventKind.Answered);
    }

    [Fact]
    public async Task BusyCalleeGivesTheCaller486()
    {
        var (caller, callee) = await CallAsync(FailureScenario(486), "uas-busy.xml");

        Assert.True(caller.ExitCode == 0, caller.ToString());
        Assert.True(callee.ExitCode == 0, callee.ToString());
        Assert.Equal("486", Assert.Single(_events, e => e.Kind == CallEventKind.Ended).Cause);
    }

    [Fact]
    public async Task UnansweredCalleeIsCancelledAtTheRingTimeoutAndTheCallerGets480()
    {
        var (caller, callee) = await CallAsync(FailureScenario(480), "uas-ring.xml");

        Assert.True(caller.ExitCode == 0, caller.ToString());
        Assert.True(callee.ExitCode == 0, callee.ToString());
        Assert.Equal("no-answer", Assert.Single(_events, e => e.Kind == CallEventKind.Ended).Cause);
    }

    [Fact]
    public async Task UnregisteredExtensionGets480AndUnknownNumberGets404()
    {
        var unregistered = await CallSipp.RunAsync(_host.UdpEndPoint, FailureScenario(480), SippRunner.FreeUdpPort(), "1001", "sip1001demo", "1002;1001;");
        var unknown = await CallSipp.RunAsync(_host.UdpEndPoint, FailureScenario(404), SippRunner.FreeUdpPort(), "1001", "sip1001demo", "5555;1001;");

        Assert.True(unregistered.ExitCode == 0, unregistered.ToString());
        Assert.True(unknown.ExitCode == 0, unknown.ToString());
    }

    [Fact]
    public async Task EchoTestSendsTheCallersRtpBack()
    {
        EchoEndpoint? echo = null;
        using var watch = Calls.Events.Subscribe(e =>
        {
            if (e.Kind == CallEventKind.Answered)
            {
                echo = Calls.Calls.Single(c => c.Id == e.CallId).Echo;
            }
        });

        var caller = await CallSipp.RunAsync(_host.UdpEndPoint, CallSipp.Scenario("uac-echo.xml"), SippRunner.FreeUdpPort(), "1001", "sip1001demo", "9196;1001;",
            extra: ["-mp", SippRunner.FreeUdpPort().ToString(System.Globalization.CultureInfo.InvariantCulture)]);

        await WaitForEndedAsync();
        Assert.True(caller.ExitCode == 0, caller.ToString());
        Assert.NotNull(echo);
        Assert.True(echo.Endpoint.PacketsSent > 10, $"echoed {echo.Endpoint.PacketsSent} packets");
        Assert.Equal([CallEventKind.Offered, CallEventKind.Answered, CallEventKind.Ended], _events.Select(e => e.Kind).ToArray());
        Assert.Equal(0, Calls.Count);
    }

    // 1002 registers from a port, a sipp callee then listens on that port; 1001 calls 1002.
    private async Task<(SippResult Caller, SippResult Callee)> CallAsync(string callerScenario, string calleeScenario)
    {
        var calleePort = SippRunner.FreeUdpPort();
        var registered = await SippRunner.RunAsync(_host.UdpEndPoint, "register-auth.xml", ["1002;300;"], "1002", "sip1002demo", calls: 1, localPort: calleePort);
        Assert.True(registered.ExitCode == 0, registered.ToString());
        var callee = CallSipp.RunAsync(_host.UdpEndPoint, CallSipp.Scenario(calleeScenario), calleePort, "1002", "sip1002demo");
        // sipp binds its port at start; give it a moment before the INVITE reaches it.
        await Task.Delay(300);
        var callerPath = Path.IsPathRooted(callerScenario) ? callerScenario : CallSipp.Scenario(callerScenario);
        var caller = await CallSipp.RunAsync(_host.UdpEndPoint, callerPath, SippRunner.FreeUdpPort(), "1001", "sip1001demo", "1002;1001;");
        var result = (caller, await callee);
        await WaitForEndedAsync();
        return result;
    }

    // A sipp exits on the last 200 it sends or receives; the B2BUA raises Ended once its own BYE or final answer on
    // the other leg is done, a moment later. Bounded: the assertions then say what is missing.
    private Task WaitForEndedAsync() => Task.WhenAny(_ended.Task, Task.Delay(TimeSpan.FromSeconds(5)));

    private static string FailureScenario(int code)
    {
        var path = Path.Combine(Path.GetTempPath(), $"cc-uac-failure-{code}.xml");
        File.WriteAllText(path, File.ReadAllText(CallSipp.Scenario("uac-failure.xml")).Replace("FAILCODE", code.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        return path;
    }
}
