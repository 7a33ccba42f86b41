using CallCenter.Core.Domain;

namespace CallCenter.Core.Services.Customers;

/// <summary>One phone row of the customer form.</summary>
public sealed class CustomerPhoneInput
{
    /// <summary>As typed; stored as its digits (<see cref="CustomerRules.NormalizeNumber"/>).</summary>
    public string Number { get; set; } = "";

    public PhoneKind Kind { get; set; } = PhoneKind.Mobile;
}
