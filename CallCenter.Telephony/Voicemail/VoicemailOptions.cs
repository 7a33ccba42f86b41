using System.ComponentModel.DataAnnotations;

namespace CallCenter.Telephony.Voicemail;

/// <summary>The "CallCenter:Voicemail" configuration section.</summary>
public class VoicemailOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "CallCenter:Voicemail";

    /// <summary>The longest message a caller may leave.</summary>
    [Range(5, 3600)]
    public int MaxSeconds { get; set; } = 120;

    /// <summary>Whether a call from outside to an agent's extension that is not answered (no answer, busy, phone offline) goes to the extension's box.</summary>
    public bool ExtensionBoxes { get; set; } = true;
}
