namespace CallCenter.Core.Services.Audit;

/// <summary>Filters of the audit log; null means "any". Text filters match a part of the value.</summary>
public sealed record AuditQuery
{
    public string? Actor { get; init; }
    public string? Action { get; init; }
    public string? EntityType { get; init; }
    public string? EntityId { get; init; }
    /// <summary>Inclusive lower bound.</summary>
    public DateTimeOffset? From { get; init; }
    /// <summary>Exclusive upper bound.</summary>
    public DateTimeOffset? To { get; init; }
    /// <summary>Zero-based page number.</summary>
    public int Page { get; init; }
    public int PageSize { get; init; } = 50;
}
