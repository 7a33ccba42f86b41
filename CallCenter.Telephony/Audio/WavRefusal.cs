namespace CallCenter.Telephony.Audio;

/// <summary>Why a WAV file cannot be used as a prompt (see <see cref="WavProblem.Message"/> for the details).</summary>
public enum WavRefusal
{
    /// <summary>Not a RIFF/WAVE file at all (another format, or a RIFX/RF64 variant).</summary>
    NotWave,

    /// <summary>The file ends inside its header or inside a chunk.</summary>
    Truncated,

    /// <summary>The header contradicts itself (a "fmt " chunk too short, a block alignment that does not fit).</summary>
    Corrupt,

    /// <summary>There is no "fmt " chunk describing the audio.</summary>
    NoFormat,

    /// <summary>There is no "data" chunk, or it is empty.</summary>
    NoAudio,

    /// <summary>The encoding is neither 16-bit PCM nor G.711 (MP3, ADPCM, float...).</summary>
    UnsupportedEncoding,

    /// <summary>The sample rate is neither 8 nor 16 kHz.</summary>
    UnsupportedSampleRate,

    /// <summary>More than one channel.</summary>
    NotMono,

    /// <summary>PCM that is not 16-bit (8-bit, 24-bit), or G.711 that is not 8-bit.</summary>
    UnsupportedBitsPerSample,

    /// <summary>Bigger than the configured limit.</summary>
    TooLarge,
}
