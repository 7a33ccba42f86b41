using System.Collections.Concurrent;

using CallCenter.Telephony.Calls;
using CallCenter.Telephony.Events;
using CallCenter.Telephony.Media;
using CallCenter.Telephony.Routing;
using CallCenter.Tests.Sip.Registrar;

using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Tests.Calls;

/// <summary>
/// sipp as both phones through the B2BUA on 127.0.0.1: 1002 registers and answers (a sipp UAS on the port it
/// registered from), 1001 calls it with digest credentials. The B2BUA's steps are observed on the
/// <see cref="CallEventStream"/>; numbers come from the tests' <see cref="InMemoryDialPlan"/>.
/// </summary>
public sealed class B2buaCallTests : IAsyncLifetime
{
    private SipTestHost _host = null!;
    private readonly ConcurrentQueue<CallEvent> _events = new();
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IDisposable? _subscription;

    private CallRegistry Calls => _host.Services.GetRequiredService<CallRegistry>();

    private CallEventStream Stream => _host.Services.GetRequiredService<CallEventStream>();

    private CallEnded Ended => Assert.Single(_events.OfType<CallEnded>());

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
        _subscription = Stream.Subscribe(e =>
        {
            _events.Enqueue(e);
            if (e is CallEnded)
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
    public async Task ExtensionCallCompletesAndPublishesTheTypedEventsOfBothLegs()
    {
        var (caller, callee) = await CallAsync("uac-call.xml", "uas-answer.xml");

        Assert.True(caller.ExitCode == 0, caller.ToString());
        Assert.True(callee.ExitCode == 0, callee.ToString());
        var events = _events.ToArray();
        Assert.Equal(
            [typeof(CallOffered), typeof(LegStarted), typeof(LegStarted), typeof(CallRinging), typeof(CallAnswered), typeof(DtmfReceived),
                typeof(LegEnded), typeof(LegEnded), typeof(CallEnded)],
            events.Select(e => e.GetType()).ToArray());
        var callId = Assert.Single(events.Select(e => e.CallId).Distinct());
        Assert.NotEqual(Guid.Empty, callId);
        var offered = (CallOffered)events[0];
        Assert.Equal(("1001", "1002", CallEventDirection.Internal), (offered.CallerNumber, offered.DialledNumber, offered.Direction));
        Assert.Equal(new RouteTarget(RouteTargetKind.Extension, "1002"), offered.Target);
        Assert.False(string.IsNullOrEmpty(offered.SipCallId));
        var legs = events.OfType<LegStarted>().ToArray();
        Assert.Equal([(CallLegRole.Customer, "1001"), (CallLegRole.Agent, "1002")], legs.Select(l => (l.Role, l.Number)).ToArray());
        Assert.Equal(offered.SipCallId, legs[0].SipCallId);
        Assert.NotEqual(legs[0].LegId, legs[1].LegId);
        Assert.Equal(legs[1].LegId, Assert.Single(events.OfType<CallRinging>()).LegId);
        var answered = Assert.Single(events.OfType<CallAnswered>());
        Assert.Equal((legs[1].LegId, "1002"), (answered.LegId, answered.AgentExtension));
        var dtmf = Assert.Single(events.OfType<DtmfReceived>());
        Assert.Equal((legs[0].LegId, '5', DtmfMethod.Info), (dtmf.LegId, dtmf.Digit, dtmf.Method));
        Assert.Equal(legs.Select(l => l.LegId).Order(), events.OfType<LegEnded>().Select(l => l.LegId).Order());
        Assert.All(events.OfType<LegEnded>(), l => Assert.Equal(CallEndCause.Normal, l.Cause));
        Assert.Equal((CallEndCause.Normal, HangupSide.Caller), (Ended.Cause, Ended.HangupBy));
        Assert.Equal(0, Calls.Count);
    }

    [Fact]
    public async Task CalleeHangsUpAndTheCallerGetsTheBye()
    {
        var (caller, callee) = await CallAsync("uac-wait-bye.xml", "uas-hangup.xml");

        Assert.True(caller.ExitCode == 0, caller.ToString());
        Assert.True(callee.ExitCode == 0, callee.ToString());
        Assert.Equal((CallEndCause.Normal, HangupSide.Callee), (Ended.Cause, Ended.HangupBy));
        Assert.Equal(0, Calls.Count);
    }

    [Fact]
    public async Task CallerCancelsAfterRingingAndGets487()
    {
        var (caller, callee) = await CallAsync("uac-cancel.xml", "uas-ring.xml");

        Assert.True(caller.ExitCode == 0, caller.ToString());
        Assert.True(callee.ExitCode == 0, callee.ToString());
        Assert.Equal((CallEndCause.Cancelled, HangupSide.Caller), (Ended.Cause, Ended.HangupBy));
        Assert.DoesNotContain(_events, e => e is CallAnswered);
    }

    [Fact]
    public async Task BusyCalleeGivesTheCaller486()
    {
        var (caller, callee) = await CallAsync(FailureScenario(486), "uas-busy.xml");

        Assert.True(caller.ExitCode == 0, caller.ToString());
        Assert.True(callee.ExitCode == 0, callee.ToString());
        Assert.Equal((CallEndCause.Busy, HangupSide.Callee), (Ended.Cause, Ended.HangupBy));
        var agentLeg = _events.OfType<LegStarted>().Single(l => l.Role == CallLegRole.Agent).LegId;
        Assert.Equal(486, _events.OfType<LegEnded>().Single(l => l.LegId == agentLeg).SipStatus);
    }

    [Fact]
    public async Task UnansweredCalleeIsCancelledAtTheRingTimeoutAndTheCallerGets480()
    {
        var (caller, callee) = await CallAsync(FailureScenario(480), "uas-ring.xml");

        Assert.True(caller.ExitCode == 0, caller.ToString());
        Assert.True(callee.ExitCode == 0, callee.ToString());
        Assert.Equal((CallEndCause.NoAnswer, HangupSide.System), (Ended.Cause, Ended.HangupBy));
    }

    [Fact]
    public async Task UnregisteredExtensionGets480AndUnknownNumberGets404()
    {
        var unregistered = await CallSipp.RunAsync(_host.UdpEndPoint, FailureScenario(480), SippRunner.FreeUdpPort(), "1001", "sip1001demo", "1002;1001;");
        await WaitForEndedAsync();
        var unknown = await CallSipp.RunAsync(_host.UdpEndPoint, FailureScenario(404), SippRunner.FreeUdpPort(), "1001", "sip1001demo", "5555;1001;");

        Assert.True(unregistered.ExitCode == 0, unregistered.ToString());
        Assert.True(unknown.ExitCode == 0, unknown.ToString());
        // The unregistered extension is a call (unavailable); the unknown number is refused before it becomes one.
        Assert.Equal((CallEndCause.Unavailable, HangupSide.System), (Ended.Cause, Ended.HangupBy));
        Assert.Single(_events.OfType<CallOffered>());
    }

    [Fact]
    public async Task QueueTheAcdDoesNotKnowGets480AndEndsAsUnavailable()
    {
        var queued = await CallSipp.RunAsync(_host.UdpEndPoint, FailureScenario(480), SippRunner.FreeUdpPort(), "1001", "sip1001demo", "4000;1001;");
        await WaitForEndedAsync();

        Assert.True(queued.ExitCode == 0, queued.ToString());
        Assert.Equal(RouteTargetKind.Queue, Assert.Single(_events.OfType<CallOffered>()).Target.Kind);
        Assert.Equal((CallEndCause.Unavailable, HangupSide.System), (Ended.Cause, Ended.HangupBy));
        Assert.Equal(480, Assert.Single(_events.OfType<LegEnded>()).SipStatus);
    }

    [Fact]
    public async Task EchoTestSendsTheCallersRtpBack()
    {
        EchoEndpoint? echo = null;
        using var watch = Stream.Subscribe(e =>
        {
            if (e is CallAnswered)
            {
                echo = Calls.Calls.Single(c => c.CallId == e.CallId).Echo;
            }
        });

        var caller = await CallSipp.RunAsync(_host.UdpEndPoint, CallSipp.Scenario("uac-echo.xml"), SippRunner.FreeUdpPort(), "1001", "sip1001demo", "9196;1001;",
            extra: ["-mp", SippRunner.FreeUdpPort().ToString(System.Globalization.CultureInfo.InvariantCulture)]);

        await WaitForEndedAsync();
        Assert.True(caller.ExitCode == 0, caller.ToString());
        Assert.NotNull(echo);
        Assert.True(echo.Endpoint.PacketsSent > 10, $"echoed {echo.Endpoint.PacketsSent} packets");
        Assert.Equal(
            [typeof(CallOffered), typeof(LegStarted), typeof(CallAnswered), typeof(LegEnded), typeof(CallEnded)],
            _events.Select(e => e.GetType()).ToArray());
        Assert.Equal(RouteTargetKind.EchoTest, _events.OfType<CallOffered>().Single().Target.Kind);
        Assert.Null(_events.OfType<CallAnswered>().Single().AgentExtension);
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
