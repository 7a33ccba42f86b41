namespace CallCenter.Telephony.Audio;

/// <summary>A <see cref="MediaPlayer"/> played a source to its end.</summary>
/// <param name="source">The source that finished (a player may have been given another one since).</param>
public sealed class PlaybackCompletedEventArgs(IAudioSource source) : EventArgs
{
    /// <summary>The source that finished.</summary>
    public IAudioSource Source { get; } = source;
}
