namespace CallCenter.Telephony.Audio;

/// <summary>
/// Audio to play into a call: 8 kHz mono 16-bit linear PCM, read one 20 ms frame (160 samples, one G.711
/// packet, RFC 3551 §4.5) at a time. Sources are read on the media clock thread, so <see cref="Read"/> must
/// be quick and must not allocate. One source instance is read by one player at a time.
/// </summary>
public interface IAudioSource
{
    /// <summary>The sample rate every source delivers.</summary>
    const int SampleRate = 8000;

    /// <summary>The samples in one 20 ms frame.</summary>
    const int FrameSamples = 160;

    /// <summary>
    /// Fills <paramref name="frame"/> from the current position and advances. Returns how many samples were
    /// written; fewer than <c>frame.Length</c> means the source has finished (0 when it had nothing left).
    /// Endless sources (dial tone) always fill the frame.
    /// </summary>
    int Read(Span<short> frame);

    /// <summary>Goes back to the start (for looping, or to play the same source again).</summary>
    void Reset();
}
