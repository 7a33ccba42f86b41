namespace CallCenter.Core.Domain;

/// <summary>
/// An entity edited from admin pages. <see cref="Version"/> is the optimistic-concurrency token:
/// the DbContext replaces it on every update, so a second editor working from a stale copy gets
/// a conflict instead of silently overwriting (works the same on SQLite and SQL Server).
/// </summary>
public interface IVersioned
{
    Guid Version { get; set; }
}
