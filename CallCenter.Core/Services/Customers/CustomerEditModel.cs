namespace CallCenter.Core.Services.Customers;

/// <summary>
/// A customer as the form edits it. Field errors are keyed by these property names; a phone's by
/// "Phones[i]" (its index in <see cref="Phones"/>), the phone list as a whole by "Phones".
/// </summary>
public sealed class CustomerEditModel
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string? Company { get; set; }
    public string? Address { get; set; }
    public string? Email { get; set; }

    /// <summary>Comma separated (，、; also accepted).</summary>
    public string? Tags { get; set; }

    public bool IsVip { get; set; }
    public bool IsMalicious { get; set; }
    public string? Notes { get; set; }

    /// <summary>At least one; rows left blank are ignored.</summary>
    public List<CustomerPhoneInput> Phones { get; set; } = [];

    /// <summary>The version the editor loaded; ignored when creating.</summary>
    public Guid Version { get; set; }

    /// <summary>The error key of the phone at <paramref name="index"/>.</summary>
    public static string PhoneField(int index) => $"{nameof(Phones)}[{index}]";
}
