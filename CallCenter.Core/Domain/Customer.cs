namespace CallCenter.Core.Domain;

/// <summary>A customer (客户): found by any of its phone numbers when it calls.</summary>
public class Customer : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Name { get; set; } = "";
    public string? Company { get; set; }
    public string? Address { get; set; }
    public string? Email { get; set; }
    /// <summary>Free tags, comma separated, searchable.</summary>
    public string? Tags { get; set; }
    public bool IsVip { get; set; }
    /// <summary>恶意来电: flagged by staff as a nuisance or abusive caller; agents see a warning on the screen pop.</summary>
    public bool IsMalicious { get; set; }
    public string? Notes { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
    public List<CustomerPhone> Phones { get; set; } = [];
}
