using System.ComponentModel.DataAnnotations;

namespace CallCenter.Telephony.Hosting;

/// <summary>The "CallCenter:Rtp" configuration section: the UDP port range media is anchored on.</summary>
public class RtpOptions : IValidatableObject
{
    public const string Section = "CallCenter:Rtp";

    [Range(1024, 65534)]
    public int PortMin { get; set; } = 10000;

    [Range(1025, 65535)]
    public int PortMax { get; set; } = 20000;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (PortMax <= PortMin)
        {
            yield return new ValidationResult("PortMax must be above PortMin.", [nameof(PortMax)]);
        }
    }
}
