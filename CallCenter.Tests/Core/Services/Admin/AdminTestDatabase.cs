using CallCenter.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Tests.Core.Services.Admin;

/// <summary>
/// Support.SqliteTestDatabase over <see cref="AdminTestDbContext"/>: a private in-memory SQLite database
/// alive while this object is. Kept beside the admin tests so it does not clash with the shared set-up.
/// </summary>
public sealed class AdminTestDatabase : IDbContextFactory<CallCenterDbContext>, IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly DbContextOptions<SqliteCallCenterDbContext> _options;

    public AdminTestDatabase()
    {
        _connection.Open();
        _options = new DbContextOptionsBuilder<SqliteCallCenterDbContext>().UseSqlite(_connection).Options;
        using var db = CreateDbContext();
        db.Database.EnsureCreated();
    }

    public CallCenterDbContext CreateDbContext() => new AdminTestDbContext(_options);

    public void Dispose() => _connection.Dispose();
}
