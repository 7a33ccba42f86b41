using CallCenter.Core.Data;

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CallCenter.Tests.Core.Telephony;

/// <summary>
/// A SQLite file with the full schema, one connection per context (so a background writer and the test
/// can use it at once, as in production), with the given interceptors; deleted on dispose.
/// </summary>
internal sealed class TempFileDatabase : IDbContextFactory<CallCenterDbContext>, IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"callcenter-test-{Guid.NewGuid():N}.db");
    private readonly DbContextOptions<SqliteCallCenterDbContext> _options;

    public TempFileDatabase(params IInterceptor[] interceptors)
    {
        _options = new DbContextOptionsBuilder<SqliteCallCenterDbContext>()
            .UseSqlite($"Data Source={_path};Pooling=False;Default Timeout=30")
            .AddInterceptors(interceptors)
            .Options;
        using var db = CreateDbContext();
        db.Database.EnsureCreated();
        db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
    }

    public CallCenterDbContext CreateDbContext() => new SqliteCallCenterDbContext(_options);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
