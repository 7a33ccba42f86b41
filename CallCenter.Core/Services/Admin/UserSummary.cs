namespace CallCenter.Core.Services.Admin;

/// <summary>A row of the users table: the web user, its roles and, when it takes calls, its agent profile.</summary>
public sealed record UserSummary(
    Guid Id,
    string UserName,
    string DisplayName,
    bool IsActive,
    IReadOnlyList<string> Roles,
    string? WorkNumber,
    string? Extension);
