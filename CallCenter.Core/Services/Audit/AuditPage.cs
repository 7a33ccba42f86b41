using CallCenter.Core.Domain;

namespace CallCenter.Core.Services.Audit;

/// <summary>One page of audit rows, newest first, and how many rows match in all.</summary>
public sealed record AuditPage(IReadOnlyList<AuditLogEntry> Items, int TotalCount);
