using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CallCenter.Core.Data;

/// <summary>
/// Lets dotnet-ef build the SQL Server context with no server: adding a migration only reads the model,
/// so the connection string is a placeholder that is never connected to.
/// </summary>
public sealed class SqlServerDesignTimeDbContextFactory : IDesignTimeDbContextFactory<SqlServerCallCenterDbContext>
{
    public const string PlaceholderConnectionString = "Server=localhost;Database=CallCenter;Integrated Security=true;TrustServerCertificate=true";

    public SqlServerCallCenterDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerCallCenterDbContext>().UseSqlServer(PlaceholderConnectionString).Options);
}
