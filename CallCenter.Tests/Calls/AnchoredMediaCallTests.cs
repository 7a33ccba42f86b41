using System.Collections.Concurrent;
using System.Globalization;

using CallCenter.Telephony.Calls;
using CallCenter.Telephony.Events;
using CallCenter.Telephony.Media;
using CallCenter.Tests.Sip.Registrar;

using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Tests.Calls;

/// <summary>
/// Extension calls with their media anchored on the server (127.0.0.1 only): sipp 1001 calls sipp 1002, both
/// with RTP. The scenarios check that each phone's SDP names the server's port range (33000-33998), not the
/// other phone; the caller plays a pcap as RTP, the callee echoes it (sipp -rtp_echo); the server's endpoints
/// count what crossed them. The host's media timeout is 2 s.
/// </summary>
public sealed class AnchoredMediaCallTests : IAsyncLifetime
{
    private SipTestHost _host = null!;
    private readonly ConcurrentQueue<CallEvent> _events = new();
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IDisposable? _subscription;

    private CallRegistry Calls => _host.Services.GetRequiredService<CallRegistry>();

    private CallEnded Ended => Assert.Single(_events.OfType<CallEnded>());

    public async Task InitializeAsync()
    {
        _host = await SipTestHost.StartAsync(new()
        {
            ["CallCenter:Sip:Security:ChallengeAlgorithms"] = "MD5",
            ["CallCenter:Rtp:PortMin"] = "33000",
            ["CallCenter:Rtp:PortMax"] = "33998",
            ["CallCenter:Rtp:MediaTimeoutSeconds"] = "2",
            ["CallCenter:Rtp:RtcpIntervalSeconds"] = "0.5",
        });
        _subscription = _host.Services.GetRequiredService<CallEventStream>().Subscribe(e =>
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
    public async Task CallersRtpReachesTheCalleeThroughOurPortsAndComesBack()
    {
        CallSession? call = null;
        using var watch = _host.Services.GetRequiredService<CallEventStream>().Subscribe(e =>
        {
            if (e is CallAnswered)
            {
                call = Calls.Calls.Single(c => c.CallId == e.CallId);
            }
        });

        var (caller, callee) = await CallAsync(CallerScenario("/usr/share/sip-tester/g711a.pcap", 2500), "uas-anchored.xml");

        Assert.True(caller.ExitCode == 0, caller.ToString());
        Assert.True(callee.ExitCode == 0, callee.ToString());
        Assert.NotNull(call);
        var a = call.Caller.Media!.Endpoint;
        var b = call.Callee!.Media!.Endpoint;
        Assert.All([a.LocalRtp.Port, b.LocalRtp.Port], p => Assert.InRange(p, 33000, 33998));
        // Caller → A endpoint → B endpoint → callee, echoed → B endpoint → A endpoint → caller.
        Assert.True(a.PacketsReceived > 20, $"A received {a.PacketsReceived}");
        Assert.True(b.PacketsSent > 20, $"B sent {b.PacketsSent}");
        Assert.True(b.PacketsReceived > 20, $"B received {b.PacketsReceived}");
        Assert.True(a.PacketsSent > 20, $"A sent {a.PacketsSent}");
        // RTCP is terminated at the anchor: each leg's endpoint reported to its phone on its own.
        Assert.True(a.RtcpSent > 0 && b.RtcpSent > 0, $"RTCP sent: A {a.RtcpSent}, B {b.RtcpSent}");
        Assert.Equal((CallEndCause.Normal, HangupSide.Caller), (Ended.Cause, Ended.HangupBy));
        Assert.Equal(0, Calls.Count);
        Assert.Equal(0, _host.Services.GetRequiredService<RtpPortAllocator>().InUse);
    }

    [Fact]
    public async Task Rfc4733DigitThroughTheBridgeRaisesDtmfReceived()
    {
        // The pcap is 10 packets (~0.2 s); the call then ends well inside the host's 2 s media time-out, also on a
        // loaded machine (with a 1 s pause the caller's BYE once lost the race against the time-out's).
        var (caller, callee) = await CallAsync(CallerScenario("/usr/share/sip-tester/dtmf_2833_1.pcap", 300), "uas-anchored.xml");

        Assert.True(caller.ExitCode == 0, caller.ToString());
        Assert.True(callee.ExitCode == 0, callee.ToString());
        var callerLeg = _events.OfType<LegStarted>().First(l => l.Role == CallLegRole.Customer).LegId;
        var dtmf = Assert.Single(_events.OfType<DtmfReceived>(), d => d.LegId == callerLeg);
        Assert.Equal(('1', DtmfMethod.Rfc4733), (dtmf.Digit, dtmf.Method));
        Assert.Equal((CallEndCause.Normal, HangupSide.Caller), (Ended.Cause, Ended.HangupBy));
    }

    [Fact]
    public async Task SilentPhonesEndTheCallAtTheMediaTimeout()
    {
        // No RTP from either phone: the caller waits for the server's BYE, the callee too.
        var (caller, callee) = await CallAsync(CallSipp.Scenario("uac-wait-bye.xml"), "uas-answer.xml");

        Assert.True(caller.ExitCode == 0, caller.ToString());
        Assert.True(callee.ExitCode == 0, callee.ToString());
        Assert.Equal((CallEndCause.MediaTimeout, HangupSide.System), (Ended.Cause, Ended.HangupBy));
        Assert.All(_events.OfType<LegEnded>(), l => Assert.Equal(CallEndCause.MediaTimeout, l.Cause));
        Assert.Equal(0, Calls.Count);
        Assert.Equal(0, _host.Services.GetRequiredService<RtpPortAllocator>().InUse);
    }

    // 1002 registers from a port, a sipp callee (echoing RTP) then listens on it; 1001 calls 1002 with its own media port.
    private async Task<(SippResult Caller, SippResult Callee)> CallAsync(string callerScenario, string calleeScenario)
    {
        var calleePort = SippRunner.FreeUdpPort();
        var registered = await SippRunner.RunAsync(_host.UdpEndPoint, "register-auth.xml", ["1002;300;"], "1002", "sip1002demo", calls: 1, localPort: calleePort);
        Assert.True(registered.ExitCode == 0, registered.ToString());
        var callee = CallSipp.RunAsync(_host.UdpEndPoint, CallSipp.Scenario(calleeScenario), calleePort, "1002", "sip1002demo",
            extra: ["-mp", Port(), "-rtp_echo"]);
        // sipp binds its port at start; give it a moment before the INVITE reaches it.
        await Task.Delay(300);
        var caller = await CallSipp.RunAsync(_host.UdpEndPoint, callerScenario, SippRunner.FreeUdpPort(), "1001", "sip1001demo", "1002;1001;",
            extra: ["-mp", Port()]);
        var result = (caller, await callee);
        // Bounded: the assertions then say what is missing.
        await Task.WhenAny(_ended.Task, Task.Delay(TimeSpan.FromSeconds(5)));
        return result;
    }

    private static string Port() => SippRunner.FreeUdpPort().ToString(CultureInfo.InvariantCulture);

    /// <summary>uac-rtp.xml playing <paramref name="pcap"/> then pausing <paramref name="pauseMs"/> before its BYE.</summary>
    internal static string CallerScenario(string pcap, int pauseMs)
    {
        // Named by pcap and pause: test classes running at once must not rewrite each other's scenario.
        var path = Path.Combine(Path.GetTempPath(), $"cc-uac-rtp-{Path.GetFileNameWithoutExtension(pcap)}-{pauseMs.ToString(CultureInfo.InvariantCulture)}.xml");
        File.WriteAllText(path, File.ReadAllText(CallSipp.Scenario("uac-rtp.xml"))
            .Replace("PCAPFILE", pcap, StringComparison.Ordinal)
            .Replace("PAUSEMS", pauseMs.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
        return path;
    }
}
