using System.Diagnostics;

using CallCenter.Telephony.Media;
using CallCenter.Telephony.Media.Mixing;
using CallCenter.Telephony.Sdp;
using CallCenter.Tests.Support;

namespace CallCenter.Tests.Media.Mixing;

/// <summary>A media factory on loopback, its clock, a mixer on that clock and the phones of a test.</summary>
internal sealed class ConferenceRig : IDisposable
{
    /// <summary>The Goertzel power of a full-scale test tone of one frame: amplitude 8000, A²/4.</summary>
    public const double FullTone = 8000.0 * 8000.0 / 4;

    private readonly List<ConferencePhone> _phones = [];

    public ConferenceRig()
    {
        (Factory, _, Clock) = MediaTestFactory.Create();
        Mixer = new ConferenceMixer(Clock);
    }

    public MediaFactory Factory { get; }

    public MediaClock Clock { get; }

    public ConferenceMixer Mixer { get; }

    public ConferencePhone Phone(AudioCodec codec, double frequency)
    {
        var phone = new ConferencePhone(Factory, codec, frequency);
        _phones.Add(phone);
        return phone;
    }

    /// <summary>
    /// Has <paramref name="talkers"/> send <paramref name="frames"/> frames each at the real 20 ms pace. A
    /// sender held up by a loaded machine starts its schedule again rather than bursting. Awaits rather than
    /// sleeps: a test blocking a pool thread starves the endpoints' receive loops (they run on the pool) for
    /// the half second the pool takes to add a thread.
    /// </summary>
    public static async Task TalkAsync(int frames, params ConferencePhone[] talkers)
    {
        long interval = Stopwatch.Frequency / 50;
        long due = Stopwatch.GetTimestamp();
        for (int i = 0; i < frames; i++)
        {
            foreach (ConferencePhone phone in talkers)
            {
                phone.SendTone();
            }
            due += interval;
            long now = Stopwatch.GetTimestamp();
            if (now - due > 5 * interval)
            {
                due = now;
            }
            long wait = due - Stopwatch.GetTimestamp();
            if (wait > 0)
            {
                await Task.Delay(TimeSpan.FromTicks(wait * TimeSpan.TicksPerSecond / Stopwatch.Frequency));
            }
        }
    }

    /// <summary>The mean Goertzel power of <paramref name="frequency"/> per received frame.</summary>
    public static double MeanPower(IReadOnlyList<ReceivedFrame> frames, double frequency)
    {
        Assert.NotEmpty(frames);
        return frames.Average(f => AudioAnalysis.Power(f.Samples, frequency));
    }

    /// <summary>
    /// Asserts <paramref name="frames"/> carry each of <paramref name="heard"/> strongly and each of
    /// <paramref name="notHeard"/> at least 30 dB below the weakest heard one (a leak of the own voice would be level with it; G.711 noise is lower still).
    /// </summary>
    public static void AssertHears(string who, IReadOnlyList<ReceivedFrame> frames, double[] heard, double[] notHeard)
    {
        double weakest = double.MaxValue;
        foreach (double f in heard)
        {
            double power = MeanPower(frames, f);
            // At least a fifth of the frames carried the tone at full strength (a loaded machine may starve some ticks).
            Assert.True(power > FullTone / 5, $"{who} hears {f} Hz only at {power:E2} (full tone {FullTone:E2})");
            weakest = Math.Min(weakest, power);
        }
        foreach (double f in notHeard)
        {
            double power = MeanPower(frames, f);
            Assert.True(power < weakest / 1000, $"{who} hears {f} Hz at {power:E2}, against {weakest:E2} for what it should hear");
        }
    }

    public void Dispose()
    {
        Mixer.Dispose();
        foreach (ConferencePhone phone in _phones)
        {
            phone.Dispose();
        }
        Clock.Dispose();
    }
}
