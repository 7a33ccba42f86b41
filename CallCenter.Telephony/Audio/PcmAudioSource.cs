namespace CallCenter.Telephony.Audio;

/// <summary>
/// Plays samples already decoded to 8 kHz (a cached prompt, the hold melody). The samples are shared and
/// never written, so many calls can each have their own source over the same prompt.
/// </summary>
public sealed class PcmAudioSource : IAudioSource
{
    private readonly ReadOnlyMemory<short> _samples;
    private int _position;

    /// <summary>Creates a source over <paramref name="samples"/> (8 kHz mono), starting at the beginning.</summary>
    public PcmAudioSource(ReadOnlyMemory<short> samples)
    {
        _samples = samples;
    }

    /// <summary>The whole length in samples.</summary>
    public int Length => _samples.Length;

    /// <summary>The length as time.</summary>
    public TimeSpan Duration => TimeSpan.FromSeconds((double)_samples.Length / IAudioSource.SampleRate);

    /// <inheritdoc />
    public int Read(Span<short> frame)
    {
        int count = Math.Min(frame.Length, _samples.Length - _position);
        _samples.Span.Slice(_position, count).CopyTo(frame);
        _position += count;
        return count;
    }

    /// <inheritdoc />
    public void Reset() => _position = 0;
}
