using CallCenter.Core.Data;
using CallCenter.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Tests.Core.Services.Admin;

/// <summary>
/// The real SQLite context plus only what the model still lacks in this branch: keys of the join
/// entities and the Version concurrency token. Where the entity configurations already say it,
/// this adds nothing, so once they are merged the tests run against exactly the production model.
/// </summary>
internal sealed class AdminTestDbContext(DbContextOptions<SqliteCallCenterDbContext> options) : SqliteCallCenterDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        foreach (var entityType in builder.Model.GetEntityTypes().ToList())
        {
            if (entityType.FindPrimaryKey() is null && entityType.ClrType.Namespace == typeof(Agent).Namespace)
            {
                var keyProperties = entityType.ClrType.GetProperties()
                    .Where(p => p.PropertyType == typeof(Guid) && p.Name.EndsWith("Id", StringComparison.Ordinal))
                    .Select(p => p.Name)
                    .ToArray();
                builder.Entity(entityType.ClrType).HasKey(keyProperties);
            }
            if (typeof(IVersioned).IsAssignableFrom(entityType.ClrType))
            {
                builder.Entity(entityType.ClrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
            }
        }
    }
}
