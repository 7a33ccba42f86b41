namespace CallCenter.Core.Domain;

/// <summary>One of a customer's numbers, stored as dialled digits (no spaces or dashes).</summary>
public class CustomerPhone
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CustomerId { get; set; }
    public Customer? Customer { get; set; }
    public string Number { get; set; } = "";
    public PhoneKind Kind { get; set; }
}
