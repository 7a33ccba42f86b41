namespace CallCenter.Core.Services.Customers;

/// <summary>A row of the customer search.</summary>
/// <param name="Id">The customer.</param>
/// <param name="Name">姓名.</param>
/// <param name="Company">公司.</param>
/// <param name="Phones">Its numbers (digits).</param>
/// <param name="Tags">Its tags.</param>
/// <param name="IsVip">VIP.</param>
/// <param name="IsMalicious">Flagged as a nuisance caller (恶意来电).</param>
/// <param name="CreatedAt">When it was created.</param>
public sealed record CustomerSummary(
    Guid Id,
    string Name,
    string? Company,
    IReadOnlyList<string> Phones,
    IReadOnlyList<string> Tags,
    bool IsVip,
    bool IsMalicious,
    DateTimeOffset CreatedAt);
