using System.Diagnostics;

using CallCenter.Tests.Support;

namespace CallCenter.Tests.Calls.Control;

/// <summary>
/// What several parties hear from the same moment on, to judge a mix: one second of sound each, after the first
/// 200 ms (the mixer's and the parties' buffers still hold what came before the change).
/// </summary>
internal sealed class Hearing
{
    // Each party gets every tone at the same level: two other speakers give a share of about 0.5 each, three about
    // 0.33; a leg taken out of the mix leaves nothing of its tone (the mixer subtracts a party's own frame exactly).
    public const double Heard = 0.2;
    public const double NotHeard = 0.01;

    private const int SettleSamples = 1600;
    private const int WindowSamples = 8000;

    private readonly Dictionary<string, short[]> _heard;

    private Hearing(Dictionary<string, short[]> heard) => _heard = heard;

    /// <summary>
    /// Listens to every party from now on until each has heard one second of sound; fails when one of them hears
    /// none within 15 s. Silent 20 ms frames are left out: on a loaded machine the test's own tone parties stall now
    /// and then (their sends are thread-pool timers), while the mixer, on the media clock, goes on sending silence.
    /// </summary>
    public static async Task<Hearing> ListenAsync(params (string Who, ToneParty Party)[] parties)
    {
        var marks = parties.Select(p => (p.Who, p.Party, Mark: p.Party.Mark())).ToArray();
        var until = Stopwatch.GetTimestamp() + (15 * Stopwatch.Frequency);
        var heard = new Dictionary<string, short[]>();
        foreach (var (who, party, mark) in marks)
        {
            while (true)
            {
                var sound = Audible(party.HeardSince(mark + SettleSamples));
                if (sound.Length >= WindowSamples)
                {
                    heard[who] = sound[..WindowSamples];
                    break;
                }
                Xunit.Assert.True(Stopwatch.GetTimestamp() < until, $"{who} heard {sound.Length / 8} ms of sound in 15 s");
                await Task.Delay(20);
            }
        }
        return new Hearing(heard);
    }

    /// <summary>The power of <paramref name="frequency"/> relative to all that <paramref name="who"/> heard (0..1).</summary>
    public double Share(string who, double frequency)
    {
        var samples = _heard[who];
        var total = AudioAnalysis.TotalPower(samples);
        // A pure sine of amplitude A has total power A²/2 and Goertzel power (normalised) A²/4.
        return total <= 0 ? 0 : 2 * AudioAnalysis.Power(samples, frequency) / total;
    }

    /// <summary>Asserts <paramref name="who"/> hears each of <paramref name="hears"/> and none of <paramref name="doesNotHear"/>.</summary>
    public void Assert(string who, double[] hears, double[] doesNotHear)
    {
        foreach (var frequency in hears)
        {
            var share = Share(who, frequency);
            Xunit.Assert.True(share > Heard, $"{who} does not hear the {frequency} Hz party (share {share:F3}; {Describe(who)})");
        }
        foreach (var frequency in doesNotHear)
        {
            var share = Share(who, frequency);
            Xunit.Assert.True(share < NotHeard, $"{who} hears the {frequency} Hz party (share {share:F3}; {Describe(who)})");
        }
    }

    // The 20 ms frames louder than silence (the tones are about 5000 RMS; the mixer's silence is 0).
    private static short[] Audible(short[] samples)
    {
        const int Frame = 160;
        var sound = new List<short>(samples.Length);
        for (var at = 0; at + Frame <= samples.Length; at += Frame)
        {
            var frame = samples.AsSpan(at, Frame);
            if (Math.Sqrt(AudioAnalysis.TotalPower(frame)) >= 100)
            {
                sound.AddRange(frame);
            }
        }
        return [.. sound];
    }

    // What the party heard, for a failure's message: its level and strongest frequency, per 200 ms.
    private string Describe(string who)
    {
        var samples = _heard[who];
        var parts = Enumerable.Range(0, samples.Length / 1600).Select(i =>
        {
            var part = samples.AsSpan(i * 1600, 1600);
            return $"{Math.Sqrt(AudioAnalysis.TotalPower(part)):F0} RMS at {AudioAnalysis.Dominant(part):F0} Hz";
        });
        return "heard " + string.Join(", ", parts);
    }
}
