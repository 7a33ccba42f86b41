namespace CallCenter.Tests.Support;

/// <summary>Test-side signal analysis: sine generation and the power of a frequency (Goertzel), to check what a party hears.</summary>
public static class AudioAnalysis
{
    /// <summary>A sine of <paramref name="frequency"/> Hz at <paramref name="sampleRate"/>, <paramref name="count"/> samples, starting at sample <paramref name="offset"/>.</summary>
    public static short[] Sine(double frequency, int count, int sampleRate = 8000, double amplitude = 8000, long offset = 0)
    {
        var samples = new short[count];
        for (var i = 0; i < count; i++)
        {
            samples[i] = (short)Math.Round(amplitude * Math.Sin(2 * Math.PI * frequency * (offset + i) / sampleRate));
        }
        return samples;
    }

    /// <summary>The power of <paramref name="frequency"/> in <paramref name="samples"/>, normalised by length (Goertzel).</summary>
    public static double Power(ReadOnlySpan<short> samples, double frequency, int sampleRate = 8000)
    {
        var coefficient = 2 * Math.Cos(2 * Math.PI * frequency / sampleRate);
        double s1 = 0, s2 = 0;
        foreach (var sample in samples)
        {
            var s0 = sample + (coefficient * s1) - s2;
            s2 = s1;
            s1 = s0;
        }
        var power = (s1 * s1) + (s2 * s2) - (coefficient * s1 * s2);
        return samples.IsEmpty ? 0 : power / ((double)samples.Length * samples.Length);
    }

    /// <summary>The mean power of the whole signal (for "is this frequency most of it" checks).</summary>
    public static double TotalPower(ReadOnlySpan<short> samples)
    {
        double sum = 0;
        foreach (var sample in samples)
        {
            sum += (double)sample * sample;
        }
        return samples.IsEmpty ? 0 : sum / samples.Length;
    }

    /// <summary>Which of <paramref name="candidates"/> is strongest in <paramref name="samples"/>.</summary>
    public static double Dominant(ReadOnlySpan<short> samples, IEnumerable<double> candidates, int sampleRate = 8000)
    {
        var best = double.NaN;
        var bestPower = -1.0;
        foreach (var frequency in candidates)
        {
            var power = Power(samples, frequency, sampleRate);
            if (power > bestPower)
            {
                bestPower = power;
                best = frequency;
            }
        }
        return best;
    }

    /// <summary>The strongest frequency between 100 Hz and just under half the sample rate, in 10 Hz steps.</summary>
    public static double Dominant(ReadOnlySpan<short> samples, int sampleRate = 8000) =>
        Dominant(samples, Enumerable.Range(10, (sampleRate / 20) - 10).Select(i => i * 10.0), sampleRate);
}
