using CallCenter.Telephony.Media;
using CallCenter.Telephony.Recording;
using CallCenter.Tests.Support;

namespace CallCenter.Tests.Recordings;

public sealed class CallRecorderTests
{
    private static readonly double[] Tones = [440, 1000];

    [Fact]
    public async Task CustomerIsLeftAndAgentRightForAsLongAsWasFed()
    {
        await using var harness = new RecorderHarness();
        harness.Tone(MediaLeg.A, 1000, 0, 3000, ssrc: 0xA1);
        harness.Tone(MediaLeg.B, 440, 0, 3000, ssrc: 0xB2, firstTimestamp: 77_777);
        harness.Play(3000);

        var result = await harness.Recorder.CompleteAsync();

        var bytes = await File.ReadAllBytesAsync(harness.Path);
        var (left, right, file) = RecordingAudio.Decode(bytes);
        Assert.True(file.EndOfStream);
        Assert.InRange(result.Duration.TotalSeconds, 2.9, 3.1);
        Assert.InRange(file.Duration.TotalSeconds, 2.9, 3.1);
        Assert.InRange(left.Length / 8000.0, 2.9, 3.1);
        Assert.Equal(bytes.Length, result.SizeBytes);
        Assert.Equal(0, result.DroppedPackets);

        var leftMiddle = RecordingAudio.Slice(left, 0.2, 2.8);
        var rightMiddle = RecordingAudio.Slice(right, 0.2, 2.8);
        Assert.Equal(1000, AudioAnalysis.Dominant(leftMiddle));
        Assert.Equal(440, AudioAnalysis.Dominant(rightMiddle));
        // Either side alone: the other party is at least 20 dB down on each channel.
        Assert.True(AudioAnalysis.Power(leftMiddle, 440) < AudioAnalysis.Power(leftMiddle, 1000) / 100);
        Assert.True(AudioAnalysis.Power(rightMiddle, 1000) < AudioAnalysis.Power(rightMiddle, 440) / 100);
    }

    [Fact]
    public async Task FileCopiedWhileRecordingPlaysUpToNearThatMoment()
    {
        await using var harness = new RecorderHarness();
        harness.Tone(MediaLeg.A, 1000, 0, 4000, ssrc: 1);
        harness.Tone(MediaLeg.B, 440, 0, 4000, ssrc: 2);
        harness.Play(2000);

        // The writer runs on its own task: wait (bounded) until it has caught up with the clock.
        OggOpusFile? seen = null;
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            using var stream = new MemoryStream(RecordingAudio.ReadShared(harness.Path));
            seen = OggOpusFile.Read(stream);
            if (seen.Duration.TotalSeconds >= 1.4)
            {
                break;
            }
            await Task.Delay(20);
        }
        var copy = RecordingAudio.ReadShared(harness.Path);

        var (left, right, file) = RecordingAudio.Decode(copy);
        Assert.False(file.EndOfStream);
        // Fed 2 s; the writer holds the last 300 ms for late packets and writes a page every 500 ms.
        Assert.InRange(file.Duration.TotalSeconds, 1.4, 2.0);
        Assert.InRange(left.Length / 8000.0, 1.4, 2.0);
        Assert.Equal(1000, AudioAnalysis.Dominant(RecordingAudio.Slice(left, 0.2, 1.3)));
        Assert.Equal(440, AudioAnalysis.Dominant(RecordingAudio.Slice(right, 0.2, 1.3)));

        // A copy cut in the middle of a page (the moment of a crash) still plays its whole pages.
        var torn = copy.AsSpan(0, copy.Length - 10).ToArray();
        var (tornLeft, _, tornFile) = RecordingAudio.Decode(torn);
        Assert.True(tornFile.ValidLength < torn.Length);
        Assert.InRange(tornLeft.Length / 8000.0, 0.9, 2.0);
    }

    [Fact]
    public async Task LegWithAOneSecondGapAndJitterStaysAligned()
    {
        await using var harness = new RecorderHarness();
        harness.Tone(MediaLeg.A, 1000, 0, 3000, ssrc: 10);
        // The agent's first packet comes 60 ms late, the rest 0-50 ms late in turn (some out of order);
        // the agent sends nothing between 1 s and 2 s, its RTP clock running on (RFC 3550 §5.1).
        double Jitter(int index) => index == 0 ? 60 : (index * 37) % 51;
        harness.Tone(MediaLeg.B, 440, 0, 1000, ssrc: 20, firstTimestamp: 5000, delayMs: Jitter);
        harness.Tone(MediaLeg.B, 440, 2000, 3000, ssrc: 20, firstTimestamp: 5000, delayMs: i => Jitter(i + 1));
        harness.Play(3100);

        await harness.Recorder.CompleteAsync();

        var (left, right, _) = RecordingAudio.Decode(await File.ReadAllBytesAsync(harness.Path));
        Assert.InRange(RecordingAudio.Rms(right, 1.1, 1.9), 0, 100);
        Assert.True(RecordingAudio.Rms(right, 2.1, 2.9) > 3000);
        Assert.True(RecordingAudio.Rms(left, 1.1, 1.9) > 3000);
        // The agent's return lands at 2.000 s of the customer's timeline (onset window 5 ms).
        Assert.InRange(RecordingAudio.Onset(right, 1.5), 1.985, 2.005);
        Assert.True(RecordingAudio.Rms(right, 0.1, 0.9) > 3000);
        Assert.InRange(RecordingAudio.Onset(left, 0), 0, 0.005);
        Assert.Equal(440, AudioAnalysis.Dominant(RecordingAudio.Slice(right, 2.1, 2.9), Tones));
    }

    [Fact]
    public async Task FullHandOffDropsAndCountsWithoutBlocking()
    {
        await using var harness = new RecorderHarness(options: new RecordingOptions { QueueCapacity = 16 });
        var datagram = RecordingAudio.Packet(harness.CodecA, 1, 1, 160, 1000, 0);

        // The clock does not move, so the writer never wakes to drain: the 17th packet on finds it full.
        var started = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 100; i++)
        {
            RecordingAudio.Feed(harness.Recorder, MediaLeg.A, datagram);
        }
        started.Stop();

        Assert.Equal(84, harness.Recorder.DroppedPackets);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(1), $"OnAudio took {started.Elapsed}");
        var result = await harness.Recorder.CompleteAsync();
        Assert.Equal(84, result.DroppedPackets);
    }

    [Fact]
    public async Task PausedTimeIsSilenceAndTheTimelineRunsOn()
    {
        await using var harness = new RecorderHarness();
        harness.Tone(MediaLeg.A, 1000, 0, 3000, ssrc: 1);
        harness.Tone(MediaLeg.B, 440, 0, 3000, ssrc: 2);
        harness.Play(1000);
        harness.Recorder.Pause();
        Assert.True(harness.Recorder.IsPaused);
        harness.Play(2000);
        harness.Recorder.Resume();
        harness.Play(3000);

        var result = await harness.Recorder.CompleteAsync();

        var (left, right, _) = RecordingAudio.Decode(await File.ReadAllBytesAsync(harness.Path));
        Assert.InRange(result.Duration.TotalSeconds, 2.9, 3.1);
        Assert.InRange(RecordingAudio.Rms(left, 1.1, 1.9), 0, 100);
        Assert.InRange(RecordingAudio.Rms(right, 1.1, 1.9), 0, 100);
        Assert.Equal(1000, AudioAnalysis.Dominant(RecordingAudio.Slice(left, 2.1, 2.9), Tones));
        Assert.Equal(440, AudioAnalysis.Dominant(RecordingAudio.Slice(right, 0.1, 0.9), Tones));
    }

    [Fact]
    public async Task LegThatSendsNothingIsSilence()
    {
        await using var harness = new RecorderHarness();
        harness.Tone(MediaLeg.A, 1000, 0, 2000, ssrc: 1);
        harness.Play(2000);

        await harness.Recorder.CompleteAsync();

        var (left, right, _) = RecordingAudio.Decode(await File.ReadAllBytesAsync(harness.Path));
        Assert.True(RecordingAudio.Rms(left, 0.1, 1.9) > 3000);
        Assert.InRange(RecordingAudio.Rms(right, 0.1, 1.9), 0, 100);
    }
}
