using System.ComponentModel.DataAnnotations;

namespace CallCenter.Telephony.Sip.Registrar;

/// <summary>The "CallCenter:Sip:Registrar" configuration section (RFC 3261 §10.3).</summary>
public class RegistrarOptions : IValidatableObject
{
    public const string Section = "CallCenter:Sip:Registrar";

    /// <summary>Shorter requested expirations are refused with 423 Interval Too Brief and a Min-Expires header.</summary>
    [Range(1, 86400)]
    public int MinExpiresSeconds { get; set; } = 60;

    /// <summary>Longer requested expirations are shortened to this.</summary>
    [Range(1, 604800)]
    public int MaxExpiresSeconds { get; set; } = 3600;

    /// <summary>Expiration when the REGISTER names none (RFC 3261 §10.3 step 8: a locally configured default).</summary>
    [Range(1, 604800)]
    public int DefaultExpiresSeconds { get; set; } = 3600;

    /// <summary>Contacts one AOR may hold at once; more are refused with 403.</summary>
    [Range(1, 1000)]
    public int MaxContactsPerAor { get; set; } = 10;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxExpiresSeconds < MinExpiresSeconds)
        {
            yield return new ValidationResult("MaxExpiresSeconds must not be below MinExpiresSeconds.", [nameof(MaxExpiresSeconds)]);
        }
    }
}
