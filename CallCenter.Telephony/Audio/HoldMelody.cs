namespace CallCenter.Telephony.Audio;

/// <summary>
/// The built-in music on hold, for when no moh.wav is installed: a calm eight-bar tune in C major
/// pentatonic over a soft bass line, each note a sine with a little second harmonic, a quick attack and an
/// exponential decay (a plucked, music-box sound rather than a beeping tone). Rendered once per process
/// (20 s, about 320 KB) and played by looping a <see cref="PcmAudioSource"/> over it.
/// Every component stays below 1.1 kHz (melody up to C5, 523 Hz, and its second harmonic), under the DTMF
/// high group (1209-1633 Hz, ITU-T Q.23), so the hold music can never be heard as a key press.
/// </summary>
public static class HoldMelody
{
    private const double BeatSeconds = 0.625; // 96 beats per minute.
    private const double MelodyPeak = 6000;
    private const double BassPeak = 2800;

    // (MIDI note, beats): E G A G | E D C- | D E G A | C' A G- | A G E D | E G D- | C D E G | E D C-
    private static readonly (int Note, int Beats)[] Melody =
    [
        (64, 1), (67, 1), (69, 1), (67, 1), (64, 1), (62, 1), (60, 2),
        (62, 1), (64, 1), (67, 1), (69, 1), (72, 1), (69, 1), (67, 2),
        (69, 1), (67, 1), (64, 1), (62, 1), (64, 1), (67, 1), (62, 2),
        (60, 1), (62, 1), (64, 1), (67, 1), (64, 1), (62, 1), (60, 2),
    ];

    // One bass note per bar (four beats): C C G C A G F C, an octave and more below the tune.
    private static readonly int[] Bass = [48, 48, 43, 48, 45, 43, 41, 48];

    private static readonly Lazy<short[]> Rendered = new(Render);

    /// <summary>The rendered tune at 8 kHz (one pass; loop it).</summary>
    public static ReadOnlyMemory<short> Samples => Rendered.Value;

    /// <summary>A new source over the tune; play it with looping on.</summary>
    public static PcmAudioSource Create() => new(Rendered.Value);

    private static short[] Render()
    {
        int beatSamples = (int)(BeatSeconds * IAudioSource.SampleRate);
        int total = Bass.Length * 4 * beatSamples;
        var mix = new double[total];
        int start = 0;
        foreach ((int note, int beats) in Melody)
        {
            AddNote(mix, start, beats * beatSamples, Frequency(note), MelodyPeak, decaySeconds: 0.45);
            start += beats * beatSamples;
        }
        for (int bar = 0; bar < Bass.Length; bar++)
        {
            AddNote(mix, bar * 4 * beatSamples, 4 * beatSamples, Frequency(Bass[bar]), BassPeak, decaySeconds: 1.2);
        }
        var samples = new short[total];
        for (int i = 0; i < total; i++)
        {
            samples[i] = (short)Math.Clamp(Math.Round(mix[i]), short.MinValue, short.MaxValue);
        }
        return samples;
    }

    private static void AddNote(double[] mix, int start, int length, double frequency, double peak, double decaySeconds)
    {
        const int Attack = 120; // 15 ms: soft enough not to click, quick enough to sound plucked.
        const int Release = 240; // 30 ms fade to zero before the next note, so notes never overlap.
        for (int i = 0; i < length; i++)
        {
            double t = (double)i / IAudioSource.SampleRate;
            double envelope = Math.Exp(-t / decaySeconds) * Math.Min(1, (double)i / Attack) * Math.Min(1, (double)(length - i) / Release);
            double phase = 2 * Math.PI * frequency * t;
            mix[start + i] += peak * envelope * (Math.Sin(phase) + (0.25 * Math.Sin(2 * phase)));
        }
    }

    // Equal temperament, A4 (MIDI 69) = 440 Hz.
    private static double Frequency(int midiNote) => 440 * Math.Pow(2, (midiNote - 69) / 12.0);
}
