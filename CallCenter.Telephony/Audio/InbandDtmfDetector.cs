namespace CallCenter.Telephony.Audio;

/// <summary>
/// Finds DTMF key presses (ITU-T Q.23 frequency pairs) in 8 kHz linear audio, for phones and trunks that send
/// digits as tones in the audio instead of RFC 4733 events. The audio is looked at in 20 ms windows every
/// 10 ms; in each, the Goertzel algorithm measures the eight DTMF frequencies, and a window holds a digit
/// when (<see cref="InbandDtmfOptions"/>): both tones reach the minimum level; the strongest row and column
/// stand above the other frequencies of their group; the twist is within the Q.24 limits; the two tones are
/// most of the window's energy; and, optionally, neither has a strong second harmonic. A digit is reported
/// once three windows in a row hold it (about 30 ms of tone, so Q.24's 40 ms presses always pass and speech
/// blips do not), and the next only after two windows without it (a pause of about 40 ms, Q.24), so a long
/// press is one digit. No allocation; not thread-safe: one detector per audio stream.
/// </summary>
public sealed class InbandDtmfDetector
{
    /// <summary>The most samples one <see cref="TryDetect"/> call takes (one 20 ms frame).</summary>
    public const int MaxFrameSamples = IAudioSource.FrameSamples;

    private const int Window = 160;
    private const int Hop = 80;
    private const int RequiredHits = 3;
    private const int RearmMisses = 2;
    private const double ToneShareOfEnergy = 0.35;

    // A second harmonic within 15 dB of its tone marks voice or music, not a DTMF generator.
    private static readonly double HarmonicLimit = Math.Pow(10, -15 / 10.0);

    // The 16-bit amplitude of a 0 dBm0 sine in G.711 (full scale, about 32,000, is +3.17 dBm0: G.711 Table 5).
    private const double ZeroDbm0Amplitude = 22_650;

    private static readonly double[] Frequencies = [697, 770, 852, 941, 1209, 1336, 1477, 1633];
    private static readonly double[] Coefficients = Goertzel(1);
    private static readonly double[] HarmonicCoefficients = Goertzel(2);
    private static readonly char[] Keys = ['1', '2', '3', 'A', '4', '5', '6', 'B', '7', '8', '9', 'C', '*', '0', '#', 'D'];

    private readonly short[] _window = new short[Window];
    private readonly double[] _power = new double[8];
    private readonly double _minimumPower;
    private readonly double _normalTwist;
    private readonly double _reverseTwist;
    private readonly double _relativePeak;
    private readonly bool _rejectHarmonics;
    private int _count;
    private char _candidate;
    private int _hits;
    private int _misses;
    private bool _armed = true;

    /// <summary>Creates a detector with the given limits (the Q.24 defaults when null).</summary>
    public InbandDtmfDetector(InbandDtmfOptions? options = null)
    {
        options ??= new InbandDtmfOptions();
        double amplitude = ZeroDbm0Amplitude * Math.Pow(10, options.MinimumLevelDbm0 / 20);
        // A Goertzel power normalised by N² is A²/4 for a sine of amplitude A on the analysed frequency.
        _minimumPower = amplitude * amplitude / 4;
        _normalTwist = Math.Pow(10, options.NormalTwistDb / 10);
        _reverseTwist = Math.Pow(10, options.ReverseTwistDb / 10);
        _relativePeak = Math.Pow(10, options.RelativePeakDb / 10);
        _rejectHarmonics = options.RejectSecondHarmonics;
    }

    /// <summary>
    /// Feeds the next samples (up to <see cref="MaxFrameSamples"/>); true, with the key, when they complete a
    /// key press not reported yet ('0'-'9', '*', '#', 'A'-'D').
    /// </summary>
    public bool TryDetect(ReadOnlySpan<short> samples, out char digit) => TryDetect(samples, out digit, out _);

    /// <summary>As <see cref="TryDetect(ReadOnlySpan{short}, out char)"/>, also giving how long the tone has lasted so far, in samples.</summary>
    public bool TryDetect(ReadOnlySpan<short> samples, out char digit, out int durationSamples)
    {
        if (samples.Length > MaxFrameSamples)
        {
            throw new ArgumentException($"At most {MaxFrameSamples} samples at a time.", nameof(samples));
        }
        digit = '\0';
        durationSamples = 0;
        bool found = false;
        while (!samples.IsEmpty)
        {
            int take = Math.Min(samples.Length, Window - _count);
            samples[..take].CopyTo(_window.AsSpan(_count));
            samples = samples[take..];
            _count += take;
            if (_count < Window)
            {
                break;
            }
            // Reported at most once per call: a report needs three windows after two misses, and a call spans two.
            if (Step(Analyse()))
            {
                found = true;
                digit = _candidate;
                durationSamples = Window + ((_hits - 1) * Hop);
            }
            // The next window overlaps this one by half.
            _window.AsSpan(Hop).CopyTo(_window);
            _count = Hop;
        }
        return found;
    }

    /// <summary>Forgets the audio seen so far (a new stream).</summary>
    public void Reset()
    {
        _count = 0;
        _candidate = '\0';
        _hits = 0;
        _misses = 0;
        _armed = true;
    }

    private bool Step(char key)
    {
        if (key == '\0')
        {
            _candidate = '\0';
            _hits = 0;
            if (++_misses >= RearmMisses)
            {
                _armed = true;
            }
            return false;
        }
        _misses = 0;
        _hits = key == _candidate ? _hits + 1 : 1;
        _candidate = key;
        if (_armed && _hits >= RequiredHits)
        {
            _armed = false;
            return true;
        }
        return false;
    }

    private char Analyse()
    {
        ReadOnlySpan<short> window = _window;
        double energy = 0;
        foreach (short s in window)
        {
            energy += s * s;
        }
        energy /= Window;
        // Two tones each at the minimum carry at least 2 x A²/2 = 4 x the minimum Goertzel power: quiet windows stop here.
        if (energy < 4 * _minimumPower)
        {
            return '\0';
        }
        for (int f = 0; f < 8; f++)
        {
            _power[f] = Power(window, Coefficients[f]);
        }
        int row = Strongest(0);
        int column = Strongest(4);
        double rowPower = _power[row];
        double columnPower = _power[column];
        if (rowPower < _minimumPower || columnPower < _minimumPower
            || columnPower > rowPower * _normalTwist || rowPower > columnPower * _reverseTwist
            || !StandsOut(0, row) || !StandsOut(4, column)
            || 2 * (rowPower + columnPower) < ToneShareOfEnergy * energy)
        {
            return '\0';
        }
        if (_rejectHarmonics)
        {
            if (Power(window, HarmonicCoefficients[row]) > rowPower * HarmonicLimit || Power(window, HarmonicCoefficients[column]) > columnPower * HarmonicLimit)
            {
                return '\0';
            }
        }
        return Keys[(row * 4) + column - 4];
    }

    private int Strongest(int first)
    {
        int best = first;
        for (int i = first + 1; i < first + 4; i++)
        {
            if (_power[i] > _power[best])
            {
                best = i;
            }
        }
        return best;
    }

    private bool StandsOut(int first, int peak)
    {
        for (int i = first; i < first + 4; i++)
        {
            if (i != peak && _power[i] * _relativePeak > _power[peak])
            {
                return false;
            }
        }
        return true;
    }

    private static double Power(ReadOnlySpan<short> window, double coefficient)
    {
        double s1 = 0;
        double s2 = 0;
        foreach (short sample in window)
        {
            double s0 = sample + (coefficient * s1) - s2;
            s2 = s1;
            s1 = s0;
        }
        return ((s1 * s1) + (s2 * s2) - (coefficient * s1 * s2)) / ((double)Window * Window);
    }

    private static double[] Goertzel(int harmonic)
    {
        var coefficients = new double[Frequencies.Length];
        for (int i = 0; i < coefficients.Length; i++)
        {
            // The exact frequency, not the nearest of the 50 Hz bins of a 160-point DFT, so nothing is lost to scalloping.
            coefficients[i] = 2 * Math.Cos(2 * Math.PI * harmonic * Frequencies[i] / IAudioSource.SampleRate);
        }
        return coefficients;
    }
}
