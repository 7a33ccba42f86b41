using System.ComponentModel.DataAnnotations;

using Microsoft.Extensions.Configuration;

namespace CallCenter.Telephony.Audio;

/// <summary>The prompt settings in the "CallCenter:Media" configuration section.</summary>
public sealed class PromptOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "CallCenter:Media";

    /// <summary>
    /// The folder of prompt files ("welcome" is welcome.wav there; moh.wav is the music on hold), from
    /// "CallCenter:Media:PromptDirectory". When it is left empty the host sets it to the data directory's
    /// "prompts" folder; if it is still empty, only the built-in tones and hold melody are played.
    /// </summary>
    [ConfigurationKeyName("PromptDirectory")]
    public string Directory { get; set; } = "";

    /// <summary>Prompt files bigger than this are refused (a prompt is decoded and kept in memory once).</summary>
    [Range(1024, 1024L * 1024 * 1024)]
    public long MaxPromptBytes { get; set; } = WavReader.DefaultMaxBytes;
}
