using System.ComponentModel.DataAnnotations;

namespace CallCenter.Telephony.Recording;

/// <summary>The "CallCenter:Recording" configuration section: how calls are recorded (which calls: the rules in Core).</summary>
public class RecordingOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "CallCenter:Recording";

    /// <summary>
    /// False turns automatic recording off for the whole process (the rules are not asked); an on-demand start
    /// from call control still records. For a site that must not record, and to measure what recording costs.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Opus bitrate for both channels together (see <see cref="OggOpusWriter.DefaultBitrate"/>).</summary>
    [Range(16_000, 128_000)]
    public int Bitrate { get; set; } = OggOpusWriter.DefaultBitrate;

    /// <summary>Packets held between the media path and the writer before new ones are dropped (500: 5 s of two 20 ms legs).</summary>
    [Range(16, 100_000)]
    public int QueueCapacity { get; set; } = 500;

    /// <summary>
    /// How long the writer waits for a late packet before it encodes that part of the timeline as it is
    /// (a jitter buffer's depth). Up to this much audio is lost if the process dies.
    /// </summary>
    [Range(40, 1_000)]
    public int PlayoutDelayMilliseconds { get; set; } = 300;
}
