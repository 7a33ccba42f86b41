namespace CallCenter.Core.Services.Customers;

/// <summary>Everything the customer card shows.</summary>
public sealed record CustomerDetail
{
    public required Guid Id { get; init; }
    public required string Name { get; init; }
    public string? Company { get; init; }
    public string? Address { get; init; }
    public string? Email { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public bool IsVip { get; init; }
    public bool IsMalicious { get; init; }
    public string? Notes { get; init; }
    public IReadOnlyList<CustomerPhoneDetail> Phones { get; init; } = [];
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The optimistic-concurrency version; give it back in <see cref="CustomerEditModel.Version"/>.</summary>
    public Guid Version { get; init; }

    /// <summary>A form model holding this customer, to edit it.</summary>
    public CustomerEditModel ToEditModel() => new()
    {
        Id = Id,
        Name = Name,
        Company = Company,
        Address = Address,
        Email = Email,
        Tags = Tags.Count == 0 ? null : string.Join(", ", Tags),
        IsVip = IsVip,
        IsMalicious = IsMalicious,
        Notes = Notes,
        Phones = Phones.Select(p => new CustomerPhoneInput { Number = p.Number, Kind = p.Kind }).ToList(),
        Version = Version,
    };
}
