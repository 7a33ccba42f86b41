namespace CallCenter.Telephony.Audio;

/// <summary>
/// A single-frequency tone switched on and off in a cadence (see <see cref="Tones"/> for the standard ones).
/// Generated as it is read from a shared one-second sine table (an integer frequency at 8 kHz steps through
/// it exactly), with 4 ms ramps at each switch so the cadence does not click. No allocation.
/// </summary>
public sealed class ToneSource : IAudioSource
{
    /// <summary>About -10 dBm0 (G.711 full scale is +3.17 dBm0 at a peak of about 32,000), the usual level of supervisory tones.</summary>
    public const short DefaultAmplitude = 7000;

    private const int RampSamples = 32;
    private static readonly short[] SineTable = BuildSineTable();

    private readonly int _frequency;
    private readonly int _onSamples;
    private readonly int _periodSamples;
    private readonly long _totalSamples;
    private readonly int _amplitude;
    private long _position;
    private int _inPeriod;
    private int _phase;

    /// <summary>Creates a tone.</summary>
    /// <param name="frequencyHz">The frequency, 1-3999 Hz.</param>
    /// <param name="onMilliseconds">How long each burst lasts.</param>
    /// <param name="offMilliseconds">The silence after each burst; 0 for a continuous tone.</param>
    /// <param name="totalMilliseconds">When the source finishes; 0 for never (it repeats the cadence).</param>
    /// <param name="amplitude">The peak sample value.</param>
    public ToneSource(int frequencyHz, int onMilliseconds, int offMilliseconds = 0, int totalMilliseconds = 0, short amplitude = DefaultAmplitude)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(frequencyHz, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(frequencyHz, IAudioSource.SampleRate / 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(onMilliseconds, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(offMilliseconds);
        ArgumentOutOfRangeException.ThrowIfNegative(totalMilliseconds);
        _frequency = frequencyHz;
        _onSamples = onMilliseconds * 8;
        _periodSamples = _onSamples + (offMilliseconds * 8);
        _totalSamples = totalMilliseconds * 8L;
        _amplitude = amplitude;
        FrequencyHz = frequencyHz;
    }

    /// <summary>The tone's frequency.</summary>
    public int FrequencyHz { get; }

    /// <inheritdoc />
    public int Read(Span<short> frame)
    {
        int count = frame.Length;
        if (_totalSamples > 0)
        {
            count = (int)Math.Min(count, _totalSamples - _position);
        }
        bool continuous = _periodSamples == _onSamples;
        for (int i = 0; i < count; i++)
        {
            int t = _inPeriod;
            if (continuous || t < _onSamples)
            {
                // The ramps shape each burst's edges; a continuous tone only fades in once.
                int gain = Math.Min(RampSamples, t + 1);
                if (!continuous)
                {
                    gain = Math.Min(gain, _onSamples - t);
                }
                int sample = SineTable[_phase] * _amplitude / short.MaxValue;
                frame[i] = (short)(sample * gain / RampSamples);
                _phase += _frequency;
                if (_phase >= IAudioSource.SampleRate)
                {
                    _phase -= IAudioSource.SampleRate;
                }
            }
            else
            {
                frame[i] = 0;
                // Each burst starts at phase 0, i.e. at a zero crossing.
                _phase = 0;
            }
            if (continuous)
            {
                _inPeriod = Math.Min(_inPeriod + 1, RampSamples);
            }
            else if (++_inPeriod == _periodSamples)
            {
                _inPeriod = 0;
            }
        }
        _position += count;
        return count;
    }

    /// <inheritdoc />
    public void Reset()
    {
        _position = 0;
        _inPeriod = 0;
        _phase = 0;
    }

    private static short[] BuildSineTable()
    {
        var table = new short[IAudioSource.SampleRate];
        for (int i = 0; i < table.Length; i++)
        {
            table[i] = (short)Math.Round(short.MaxValue * Math.Sin(2 * Math.PI * i / IAudioSource.SampleRate));
        }
        return table;
    }
}
