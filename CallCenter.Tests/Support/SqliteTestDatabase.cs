using CallCenter.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Tests.Support;

/// <summary>
/// A private in-memory SQLite database with the full schema, alive while this object is:
/// the real provider, not EF's in-memory fake, so constraints and concurrency tokens behave as in production.
/// </summary>
public sealed class SqliteTestDatabase : IDbContextFactory<CallCenterDbContext>, IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly DbContextOptions<SqliteCallCenterDbContext> _options;

    public SqliteTestDatabase()
    {
        _connection.Open();
        _options = new DbContextOptionsBuilder<SqliteCallCenterDbContext>().UseSqlite(_connection).Options;
        using var db = CreateDbContext();
        db.Database.EnsureCreated();
    }

    public CallCenterDbContext CreateDbContext() => new SqliteCallCenterDbContext(_options);

    public void Dispose() => _connection.Dispose();
}
