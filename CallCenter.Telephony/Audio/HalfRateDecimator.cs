namespace CallCenter.Telephony.Audio;

/// <summary>
/// Converts 16 kHz audio to 8 kHz: a linear-phase low-pass FIR, then every second sample. Dropping samples
/// alone would fold everything between 4 and 8 kHz back into the telephone band (a 6 kHz hiss becomes a
/// 2 kHz whistle), so the filter must remove it first. A true half-band filter (cut-off at 4 kHz) is only
/// 6 dB down at 4 kHz and lets 4-4.5 kHz fold onto 3.5-4 kHz; this one is a Kaiser-windowed sinc with its
/// cut-off at 3.7 kHz (flat to about 3.3 kHz, beyond the 3.4 kHz telephone band, and more than 70 dB down
/// from 4.1 kHz). Runs once per prompt when it is loaded, not on the media path.
/// </summary>
public static class HalfRateDecimator
{
    private const int Taps = 101;
    private const double CutoffHz = 3700;
    private const double InputRate = 16000;

    // Kaiser beta for about 80 dB of stop-band attenuation: 0.1102 * (A - 8.7) (Oppenheim & Schafer, §7.5.3).
    private const double KaiserBeta = 7.86;

    private static readonly double[] Coefficients = Design();

    /// <summary>One 8 kHz sample for every two 16 kHz samples (an odd count rounds up).</summary>
    public static short[] Decimate(ReadOnlySpan<short> input)
    {
        const int Half = Taps / 2;
        var output = new short[(input.Length + 1) / 2];
        for (int m = 0; m < output.Length; m++)
        {
            // Centred on input sample 2m, so the output is not delayed; outside the input counts as silence.
            int centre = 2 * m;
            int first = Math.Max(0, centre - Half);
            int last = Math.Min(input.Length - 1, centre + Half);
            double sum = 0;
            for (int i = first; i <= last; i++)
            {
                sum += Coefficients[i - centre + Half] * input[i];
            }
            output[m] = (short)Math.Clamp(Math.Round(sum), short.MinValue, short.MaxValue);
        }
        return output;
    }

    private static double[] Design()
    {
        const int Half = Taps / 2;
        var h = new double[Taps];
        double fc = CutoffHz / InputRate;
        double sum = 0;
        for (int n = 0; n < Taps; n++)
        {
            int k = n - Half;
            double sinc = k == 0 ? 2 * fc : Math.Sin(2 * Math.PI * fc * k) / (Math.PI * k);
            double r = (double)k / Half;
            double window = BesselI0(KaiserBeta * Math.Sqrt(1 - (r * r))) / BesselI0(KaiserBeta);
            h[n] = sinc * window;
            sum += h[n];
        }
        // Unity gain at DC.
        for (int n = 0; n < Taps; n++)
        {
            h[n] /= sum;
        }
        return h;
    }

    private static double BesselI0(double x)
    {
        // Power series of the modified Bessel function of the first kind, order 0; converges fast for x < 10.
        double term = 1;
        double sum = 1;
        for (int k = 1; k < 50 && term > 1e-12 * sum; k++)
        {
            double f = x / (2 * k);
            term *= f * f;
            sum += term;
        }
        return sum;
    }
}
