using CallCenter.Telephony.Media;
using CallCenter.Telephony.Recording;
using CallCenter.Telephony.Sdp;
using CallCenter.Tests.Support;

using Microsoft.Extensions.Logging.Abstractions;

namespace CallCenter.Tests.Recordings;

/// <summary>
/// A sender whose RTP clock falls behind ours for good (it stalled and went on without skipping timestamps, or its
/// clock runs slow): its packets come later than its first packet's anchor says, by more than the playout delay and
/// less than a resync. Found by the B2BUA recording tests on a loaded machine, whose test phones' send timers stall:
/// the rest of such a leg was silent in the file.
/// </summary>
/// <remarks>
/// On the real clock: the writer must be ahead of the late packets, as it is in a call (the fake clock of
/// <see cref="RecorderHarness"/> moves on without waiting for the writer, which then places everything in time).
/// </remarks>
public sealed class RecorderSenderLagTests
{
    [Fact]
    public async Task LegWhoseSenderFellHalfASecondBehindIsRecordedOnAfterTheShift()
    {
        var folder = Directory.CreateTempSubdirectory("cc-rec-").FullName;
        var path = Path.Combine(folder, "call.ogg");
        try
        {
            var recorder = new CallRecorder(path, AudioCodec.Pcma, AudioCodec.Pcma, new RecordingOptions(), TimeProvider.System, NullLogger.Instance);
            // 20 ms packets on both legs for 3.5 s of sending; leg B's sender stops for 500 ms after 1 s and goes on
            // with the next timestamp (300 ms playout delay, 1 s resync limit: in between, nothing helped).
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
            var stallUntil = DateTime.UtcNow.AddMilliseconds(1500);
            var stallFrom = DateTime.UtcNow.AddMilliseconds(1000);
            var end = DateTime.UtcNow.AddMilliseconds(3500);
            ushort sequenceA = 0, sequenceB = 0;
            while (await timer.WaitForNextTickAsync() && DateTime.UtcNow < end)
            {
                RecordingAudio.Feed(recorder, MediaLeg.A, RecordingAudio.Packet(AudioCodec.Pcma, 1, sequenceA, sequenceA * 160u, 1000, sequenceA * 160L));
                sequenceA++;
                if (DateTime.UtcNow < stallFrom || DateTime.UtcNow >= stallUntil)
                {
                    RecordingAudio.Feed(recorder, MediaLeg.B, RecordingAudio.Packet(AudioCodec.Pcma, 2, sequenceB, sequenceB * 160u, 440, sequenceB * 160L));
                    sequenceB++;
                }
            }

            var result = await recorder.CompleteAsync();

            var (left, right, _) = RecordingAudio.Decode(await File.ReadAllBytesAsync(path));
            var length = right.Length / 8000.0;
            Assert.True(length > 3.0, $"the recording is {length:F2} s long");
            // After the stall (and a moment for the re-anchored leg) to the end: the tone, not silence.
            var after = RecordingAudio.Rms(right, 2.0, length - 0.2);
            Assert.True(after > 3000, $"leg B is silent after its sender fell behind (RMS {after:F0}, {result.LatePackets} late packets)");
            Assert.Equal(440, AudioAnalysis.Dominant(RecordingAudio.Slice(right, 2.0, length - 0.2)));
            Assert.Equal(1000, AudioAnalysis.Dominant(RecordingAudio.Slice(left, 0.5, length - 0.2)));
            // Before the fix every packet of leg B after the stall was late (about 100); now only a stall of the writer itself loses any.
            Assert.InRange(result.LatePackets, 0, 10);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
