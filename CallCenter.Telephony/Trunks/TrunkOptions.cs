using System.ComponentModel.DataAnnotations;

namespace CallCenter.Telephony.Trunks;

/// <summary>Trunk registration settings (section CallCenter:Trunks).</summary>
public sealed class TrunkOptions
{
    public const string Section = "CallCenter:Trunks";

    /// <summary>The registration lifetime asked of the carrier (Expires), in seconds.</summary>
    [Range(60, 86400)]
    public int RegisterExpiresSeconds { get; set; } = 3600;

    /// <summary>The first retry delay after a failed registration; doubled per failure.</summary>
    [Range(1, 3600)]
    public int RetryMinSeconds { get; set; } = 5;

    /// <summary>The longest retry delay.</summary>
    [Range(1, 86400)]
    public int RetryMaxSeconds { get; set; } = 300;
}
