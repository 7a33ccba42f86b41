using CallCenter.Core.Data;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CallCenter.Web.Hosting.Health;

/// <summary>The database answers a real query (not just an open connection): the roles table is read.</summary>
internal sealed class DatabaseHealthCheck(IDbContextFactory<CallCenterDbContext> contexts) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var roles = await db.Roles.CountAsync(cancellationToken);
            return HealthCheckResult.Healthy($"{db.Database.ProviderName}: connected, {roles} roles");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("database query failed", ex);
        }
    }
}
