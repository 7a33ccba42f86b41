using CallCenter.Telephony.Media;
using CallCenter.Telephony.Recording;
using CallCenter.Telephony.Sdp;

using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Tests.Recordings;

/// <summary>
/// A recorder on a fake clock in a temporary folder, and a schedule of packet arrivals played against it:
/// the clock is moved to each arrival (in steps of at most 20 ms, so the writer wakes as it would) and the
/// packet handed to <see cref="CallRecorder.OnAudio"/>, as a bridge's receive loop would.
/// </summary>
internal sealed class RecorderHarness : IAsyncDisposable
{
    private readonly List<(double AtMs, MediaLeg Leg, byte[] Datagram)> _schedule = [];
    private readonly string _folder = Directory.CreateTempSubdirectory("cc-rec-").FullName;

    public RecorderHarness(AudioCodec codecA = AudioCodec.Pcmu, AudioCodec codecB = AudioCodec.Pcma, RecordingOptions? options = null)
    {
        CodecA = codecA;
        CodecB = codecB;
        Path = System.IO.Path.Combine(_folder, "call.ogg");
        Recorder = new CallRecorder(Path, codecA, codecB, options ?? new RecordingOptions(), Clock, NullLogger.Instance);
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));

    public CallRecorder Recorder { get; }

    public string Path { get; }

    public AudioCodec CodecA { get; }

    public AudioCodec CodecB { get; }

    public double NowMs { get; private set; }

    /// <summary>
    /// Schedules a tone on <paramref name="leg"/> for the packets whose timeline start lies in [<paramref name="fromMs"/>, <paramref name="toMs"/>),
    /// each arriving at its timeline time plus <paramref name="delayMs"/>(packet index).
    /// </summary>
    public void Tone(MediaLeg leg, double frequency, int fromMs, int toMs, uint ssrc, uint firstTimestamp = 1000, Func<int, double>? delayMs = null)
    {
        var codec = leg == MediaLeg.A ? CodecA : CodecB;
        for (var start = fromMs; start < toMs; start += 20)
        {
            var index = (start - fromMs) / 20;
            var samples = start * 8L;
            var timestamp = firstTimestamp + (uint)samples;
            var datagram = RecordingAudio.Packet(codec, ssrc, (ushort)(samples / 160), timestamp, frequency, samples);
            _schedule.Add((start + (delayMs?.Invoke(index) ?? 0), leg, datagram));
        }
    }

    /// <summary>Plays the scheduled arrivals up to <paramref name="untilMs"/> and moves the clock there.</summary>
    public void Play(double untilMs)
    {
        var due = _schedule.Where(s => s.AtMs <= untilMs).OrderBy(s => s.AtMs).ToList();
        foreach (var item in due)
        {
            AdvanceTo(item.AtMs);
            RecordingAudio.Feed(Recorder, item.Leg, item.Datagram);
            _schedule.Remove(item);
        }
        AdvanceTo(untilMs);
    }

    public async ValueTask DisposeAsync()
    {
        await Recorder.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    private void AdvanceTo(double ms)
    {
        while (NowMs < ms)
        {
            var step = Math.Min(20, ms - NowMs);
            Clock.Advance(TimeSpan.FromMilliseconds(step));
            NowMs += step;
        }
    }
}
