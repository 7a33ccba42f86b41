namespace CallCenter.Telephony.Audio;

/// <summary>
/// The dual tones of DTMF digits (ITU-T Q.23): the built-in stand-in for spoken digit prompts ("digit-0".."digit-9")
/// until a deployment records them, so an announced number is still exact (and machine-readable) without files.
/// </summary>
public static class DtmfTone
{
    private static readonly int[] Rows = [697, 770, 852, 941];
    private static readonly int[] Columns = [1209, 1336, 1477, 1633];
    private const string Keys = "123A456B789C*0#D";

    /// <summary>The samples of <paramref name="digit"/>: <paramref name="onMilliseconds"/> of tone, then <paramref name="offMilliseconds"/> of silence.</summary>
    public static short[] Samples(char digit, int onMilliseconds = 120, int offMilliseconds = 120)
    {
        var index = Keys.IndexOf(char.ToUpperInvariant(digit), StringComparison.Ordinal);
        ArgumentOutOfRangeException.ThrowIfNegative(index, nameof(digit));
        var (low, high) = (Rows[index / 4], Columns[index % 4]);
        var on = onMilliseconds * IAudioSource.SampleRate / 1000;
        var samples = new short[on + (offMilliseconds * IAudioSource.SampleRate / 1000)];
        for (var i = 0; i < on; i++)
        {
            var t = (double)i / IAudioSource.SampleRate;
            // Two tones at about -10 dBm0 each, as a phone keypad sends them.
            samples[i] = (short)(5000 * (Math.Sin(2 * Math.PI * low * t) + Math.Sin(2 * Math.PI * high * t)));
        }
        return samples;
    }
}
