using System.ComponentModel.DataAnnotations;

namespace CallCenter.Telephony.Acd;

/// <summary>The "CallCenter:Acd" configuration section: the ACD's estimates (queues and agents come from <see cref="IAcdDirectory"/>).</summary>
public class AcdOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "CallCenter:Acd";

    /// <summary>Handle time (talk + wrap-up) assumed for a queue's estimated wait until it has answered calls of its own.</summary>
    [Range(1, 86_400)]
    public int DefaultHandleTimeSeconds { get; set; } = 180;

    /// <summary>How many of a queue's most recent answered calls the average handle time is taken over.</summary>
    [Range(1, 1_000)]
    public int HandleTimeSamples { get; set; } = 20;
}
