namespace CallCenter.Telephony.Audio;

/// <summary>Several sources played one after the other as one (an announcement built from prompts and digits).</summary>
public sealed class SequenceAudioSource(IReadOnlyList<IAudioSource> parts) : IAudioSource
{
    private int _index;

    /// <inheritdoc />
    public int Read(Span<short> frame)
    {
        var written = 0;
        while (written < frame.Length && _index < parts.Count)
        {
            var read = parts[_index].Read(frame[written..]);
            written += read;
            if (written < frame.Length)
            {
                // That part finished: the frame continues with the next one.
                _index++;
            }
        }
        return written;
    }

    /// <inheritdoc />
    public void Reset()
    {
        foreach (var part in parts)
        {
            part.Reset();
        }
        _index = 0;
    }
}
