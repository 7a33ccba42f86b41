using System.Net;

using CallCenter.Telephony.Calls;
using CallCenter.Telephony.Events;
using CallCenter.Tests.Sip.Registrar;
using CallCenter.Tests.Support;

using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Tests.Calls.Control;

/// <summary>
/// A sipp phone with its own <see cref="ToneParty"/>, for what <see cref="PartyCallFixture"/>'s phones do not do:
/// hang up by themselves after sipp's <c>-d</c> pause (uas-party-hangup.xml, uac-party-hangup.xml), or be awaited alone
/// (was this phone sent BYE, now, rather than at the end of the test).
/// </summary>
internal sealed class OwnPhone : IAsyncDisposable
{
    private OwnPhone(ToneParty party, Task<SippResult> sipp)
    {
        Party = party;
        Sipp = sipp;
    }

    public ToneParty Party { get; }

    /// <summary>The sipp run: completes when the phone's scenario ended (exit code 0: every message as scripted).</summary>
    public Task<SippResult> Sipp { get; }

    /// <summary>
    /// Registers <paramref name="extension"/> and answers the next call with a party sending <paramref name="frequency"/>;
    /// with <paramref name="hangUpAfterMilliseconds"/> it sends BYE that long after the ACK, else it waits for the server's BYE.
    /// </summary>
    public static async Task<OwnPhone> AnswerAsync(IPEndPoint server, string extension, double frequency, int? hangUpAfterMilliseconds = null, int timeoutSeconds = 30)
    {
        var port = SippRunner.FreeUdpPort();
        var registered = await SippRunner.RunAsync(server, "register-auth.xml", [$"{extension};300;"], extension, $"sip{extension}demo", calls: 1, localPort: port);
        Assert.True(registered.ExitCode == 0, registered.ToString());
        var party = new ToneParty(frequency);
        var sipp = hangUpAfterMilliseconds is { } pause
            ? CallSipp.RunAsync(server, CallSipp.Scenario("uas-party-hangup.xml"), port, extension, $"sip{extension}demo", $"{party.Port};", timeoutSeconds,
                "-d", pause.ToString(System.Globalization.CultureInfo.InvariantCulture))
            : CallSipp.RunAsync(server, CallSipp.Scenario("uas-party.xml"), port, extension, $"sip{extension}demo", $"{party.Port};", timeoutSeconds);
        // sipp binds its port at start; give it a moment before an INVITE reaches it.
        await Task.Delay(300);
        return new OwnPhone(party, sipp);
    }

    /// <summary>
    /// <paramref name="extension"/> dials <paramref name="number"/> with a party sending <paramref name="frequency"/> and
    /// hangs up <paramref name="hangUpAfterMilliseconds"/> after its ACK; returns once the call is answered, the caller's
    /// party sending (the callee's is the fixture's to start).
    /// </summary>
    public static async Task<(CallSession Call, OwnPhone Phone)> CallAsync(PartyCallFixture fixture, string extension, string number, double frequency,
        int hangUpAfterMilliseconds, int timeoutSeconds = 30)
    {
        var party = new ToneParty(frequency);
        var answered = new TaskCompletionSource<Guid>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = fixture.Host.Services.GetRequiredService<CallEventStream>().Subscribe(e =>
        {
            if (e is CallAnswered)
            {
                answered.TrySetResult(e.CallId);
            }
        });
        var sipp = CallSipp.RunAsync(fixture.Host.UdpEndPoint, CallSipp.Scenario("uac-party-hangup.xml"), SippRunner.FreeUdpPort(), extension, $"sip{extension}demo",
            $"{number};{extension};{party.Port};", timeoutSeconds, "-d", hangUpAfterMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var phone = new OwnPhone(party, sipp);
        var callId = await answered.Task.WaitAsync(TimeSpan.FromSeconds(15));
        var call = fixture.Calls.Find(callId)!;
        party.SendTo(call.Caller.Media!.Endpoint.LocalRtp);
        return (call, phone);
    }

    /// <summary>Starts the party sending to the server's port of <paramref name="leg"/> (this phone's leg).</summary>
    public void StartSending(CallLeg leg) => Party.SendTo(leg.Media!.Endpoint.LocalRtp);

    /// <summary>Waits (bounded) for the phone's scenario to end; it must have ended well.</summary>
    public async Task AssertEndedWellAsync(TimeSpan limit)
    {
        var result = await Sipp.WaitAsync(limit);
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        await Party.DisposeAsync();
        // A phone still waiting ends at its own time-out.
        await Sipp.ContinueWith(_ => { }, TaskScheduler.Default);
    }
}
