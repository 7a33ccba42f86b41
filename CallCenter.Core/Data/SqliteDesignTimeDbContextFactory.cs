using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CallCenter.Core.Data;

/// <summary>
/// Lets dotnet-ef build the SQLite context without starting the web app (scripts/add-migration.sh).
/// Adding a migration only reads the model, so the file named here is never opened.
/// </summary>
public sealed class SqliteDesignTimeDbContextFactory : IDesignTimeDbContextFactory<SqliteCallCenterDbContext>
{
    public SqliteCallCenterDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteCallCenterDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
