using System.Diagnostics;

using CallCenter.Telephony.Events;
using CallCenter.Telephony.Recording;
using CallCenter.Tests.Recordings;
using CallCenter.Tests.Support;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CallCenter.Tests.Calls.Control;

/// <summary>
/// Recording through the B2BUA with a real file: every call is recorded (<see cref="TempFolderRecordingCatalog"/>),
/// the customer 1001 sends 1000 Hz and the agent 1002 440 Hz; after the hang-up the Ogg Opus file is decoded and
/// each channel and its length are checked against what the phones sent and the call's events.
/// </summary>
public sealed class CallRecordingTests : IAsyncLifetime
{
    private const double CustomerTone = 1000;
    private const double AgentTone = 440;

    // The file's length against the call's bridged time (CallAnswered → CallEnded on the event stream), 100 ms at
    // most apart. Where the difference comes from: the recorder's clock starts when the callee's 200 starts the
    // bridge, a few ms before CallAnswered is published (after the 200 to the caller); the recorder's clock stops when
    // its writer drains at the hang-up, and CallEnded is published after the file is closed (the last ~300 ms of
    // playout delay encoded) and the catalogue told; the file holds whole 20 ms frames. On a loaded machine both
    // ends can move by tens of ms, hence not less than 100 ms.
    private static readonly TimeSpan LengthTolerance = TimeSpan.FromMilliseconds(100);

    private readonly TempFolderRecordingCatalog _catalog = new();
    private PartyCallFixture _fixture = null!;

    public async Task InitializeAsync() =>
        _fixture = await PartyCallFixture.StartAsync(configure: services => services.Replace(ServiceDescriptor.Singleton<IRecordingCatalog>(_catalog)));

    public async Task DisposeAsync()
    {
        await _fixture.DisposeAsync();
        _catalog.Dispose();
    }

    [Fact]
    public async Task RecordingHasTheCustomerLeftAndTheAgentRightForTheBridgedTime()
    {
        await _fixture.AnsweringPhoneAsync("1002", AgentTone);
        var (call, customer) = await _fixture.CallAsync("1001", "1002", CustomerTone);
        await WaitForRecordingStartedAsync(call.CallId);
        var mark = customer.Mark();
        Assert.True(await customer.WaitHeardAsync(mark, 3 * 8000, TimeSpan.FromSeconds(15)), "the customer heard nothing");

        Assert.True((await _fixture.Control.HangupAsync(call.CallId)).Succeeded);

        var (path, request, result) = await _catalog.CompletedAsync(call.CallId, TimeSpan.FromSeconds(15));
        Assert.Equal(("1001", "1002", "1002"), (request.CallerNumber, request.DialledNumber, request.AgentExtension));
        var (left, right, file) = RecordingAudio.Decode(await File.ReadAllBytesAsync(path));
        Assert.True(file.EndOfStream, "the recording was not completed");
        AssertCloseTo(BridgedTime(call.CallId), file.Duration, LengthTolerance, "recording length against the bridged time");
        AssertCloseTo(file.Duration, result.Duration, TimeSpan.FromMilliseconds(20), "reported length against the file");
        AssertTones(left, right, 0.5, (left.Length / 8000.0) - 0.5);
        await _fixture.AssertPhonesEndedWellAsync();
    }

    [Fact]
    public async Task StoppedAndRestartedRecordingHoldsNothingOfThePauseAndKeepsTheCallsTimeline()
    {
        await _fixture.AnsweringPhoneAsync("1002", AgentTone);
        var (call, customer) = await _fixture.CallAsync("1001", "1002", CustomerTone);
        await WaitForRecordingStartedAsync(call.CallId);
        Assert.True(await customer.WaitHeardAsync(customer.Mark(), 2 * 8000, TimeSpan.FromSeconds(15)), "the customer heard nothing");

        // The pause lies between the moment the stop was asked for and the moment the start came back; at least
        // between the stop's return and the start's call.
        var stopAsked = Stopwatch.GetTimestamp();
        var stopped = await _fixture.Control.StopRecordingAsync(call.CallId);
        var stopDone = Stopwatch.GetTimestamp();
        Assert.True(stopped.Succeeded, stopped.Reason);
        Assert.True(await customer.WaitHeardAsync(customer.Mark(), 12_000, TimeSpan.FromSeconds(15)), "the customer heard nothing while recording was stopped");
        var startAsked = Stopwatch.GetTimestamp();
        var started = await _fixture.Control.StartRecordingAsync(call.CallId);
        var startDone = Stopwatch.GetTimestamp();
        Assert.True(started.Succeeded, started.Reason);
        Assert.Equal(stopped.Id, started.Id);
        Assert.True(await customer.WaitHeardAsync(customer.Mark(), 2 * 8000, TimeSpan.FromSeconds(15)), "the customer heard nothing after recording restarted");

        Assert.True((await _fixture.Control.HangupAsync(call.CallId)).Succeeded);

        var (path, _, _) = await _catalog.CompletedAsync(call.CallId, TimeSpan.FromSeconds(15));
        var (left, right, file) = RecordingAudio.Decode(await File.ReadAllBytesAsync(path));
        Assert.True(file.EndOfStream, "the recording was not completed");
        // The recorder keeps the stopped time as silence (CallRecorder.Pause): a moment of the call is the same
        // moment in the file, so the file is as long as the call.
        AssertCloseTo(BridgedTime(call.CallId), file.Duration, LengthTolerance, "recording length against the bridged time");
        var (gapStart, gapLength) = LongestSilence(left, right);
        var shortest = Stopwatch.GetElapsedTime(stopDone, startAsked) - LengthTolerance;
        var longest = Stopwatch.GetElapsedTime(stopAsked, startDone) + LengthTolerance;
        Assert.True(gapLength >= shortest.TotalSeconds && gapLength <= longest.TotalSeconds,
            $"the stopped part is {gapLength:F3} s of silence, the stop lasted {shortest.TotalSeconds:F3}..{longest.TotalSeconds:F3} s");
        AssertTones(left, right, gapStart - 1.0, gapStart - 0.1);
        AssertTones(left, right, gapStart + gapLength + 0.1, gapStart + gapLength + 1.0);
        await _fixture.AssertPhonesEndedWellAsync();
    }

    private async Task WaitForRecordingStartedAsync(Guid callId)
    {
        var until = Stopwatch.GetTimestamp() + (5 * Stopwatch.Frequency);
        while (!_fixture.Events.Any(e => e is RecordingStarted && e.CallId == callId))
        {
            Assert.True(Stopwatch.GetTimestamp() < until, "the call's recording did not start");
            await Task.Delay(20);
        }
    }

    private TimeSpan BridgedTime(Guid callId)
    {
        var answered = _fixture.Events.OfType<CallAnswered>().First(e => e.CallId == callId);
        var ended = Assert.Single(_fixture.Events.OfType<CallEnded>(), e => e.CallId == callId);
        return ended.At - answered.At;
    }

    private static void AssertCloseTo(TimeSpan expected, TimeSpan actual, TimeSpan tolerance, string what) =>
        Assert.True((actual - expected).Duration() <= tolerance, $"{what}: {actual.TotalMilliseconds:F0} ms, expected {expected.TotalMilliseconds:F0} ms ± {tolerance.TotalMilliseconds:F0}");

    // Customer on the left, agent on the right, each alone on its channel: the other party's tone at least 10 dB down.
    // Not 20 dB as with the recorder's clean input (CallRecorderTests): through real calls on a loaded 2-core machine
    // 1-2 % of the power came out at the other tone, varying over the call (most likely the edges of the gaps the test
    // phones' stalled send timers leave, which spread power over the band). A channel carrying both parties (a mono
    // mix, taps mixed up) has the other tone at about the same level, so it still fails.
    private static void AssertTones(short[] left, short[] right, double fromSeconds, double toSeconds)
    {
        var leftPart = RecordingAudio.Slice(left, fromSeconds, toSeconds);
        var rightPart = RecordingAudio.Slice(right, fromSeconds, toSeconds);
        Assert.True(leftPart.Length >= 4000, $"too little audio from {fromSeconds:F2} to {toSeconds:F2} s");
        Assert.Equal(CustomerTone, AudioAnalysis.Dominant(leftPart));
        Assert.Equal(AgentTone, AudioAnalysis.Dominant(rightPart));
        var agentOnLeft = AudioAnalysis.Power(leftPart, AgentTone) / AudioAnalysis.Power(leftPart, CustomerTone);
        var customerOnRight = AudioAnalysis.Power(rightPart, CustomerTone) / AudioAnalysis.Power(rightPart, AgentTone);
        Assert.True(agentOnLeft < 0.1, $"the agent is on the customer's channel from {fromSeconds:F2} to {toSeconds:F2} s ({agentOnLeft:F4} of the customer's power)");
        Assert.True(customerOnRight < 0.1, $"the customer is on the agent's channel from {fromSeconds:F2} to {toSeconds:F2} s ({customerOnRight:F4} of the agent's power)");
    }

    // The longest run of 20 ms frames silent on both channels (the tones are ~5000 RMS, Opus silence near 0): start and length in seconds.
    private static (double Start, double Length) LongestSilence(short[] left, short[] right)
    {
        const int Frame = 160;
        const double Silent = 300;
        int bestStart = 0, bestLength = 0, runStart = 0, runLength = 0;
        for (var at = 0; at + Frame <= left.Length; at += Frame)
        {
            var silent = Math.Sqrt(AudioAnalysis.TotalPower(left.AsSpan(at, Frame))) < Silent && Math.Sqrt(AudioAnalysis.TotalPower(right.AsSpan(at, Frame))) < Silent;
            if (!silent)
            {
                runLength = 0;
                continue;
            }
            if (runLength == 0)
            {
                runStart = at;
            }
            runLength += Frame;
            if (runLength > bestLength)
            {
                (bestStart, bestLength) = (runStart, runLength);
            }
        }
        return (bestStart / 8000.0, bestLength / 8000.0);
    }
}
