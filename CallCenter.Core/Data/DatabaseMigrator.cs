using CallCenter.Core.Options;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallCenter.Core.Data;

/// <summary>
/// Brings the configured database to the current schema at start-up: creates DataDir (and the SQLite
/// file), applies pending migrations of the provider's context, and switches SQLite to WAL.
/// </summary>
public sealed partial class DatabaseMigrator(
    IDbContextFactory<CallCenterDbContext> contextFactory,
    IOptions<CallCenterOptions> options,
    ILogger<DatabaseMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetFullPath(options.Value.DataDir));

        var db = contextFactory.CreateDbContext();
        await using (db.ConfigureAwait(false))
        {
            if (db.Database.IsSqlite())
            {
                CreateSqliteDirectory(db);
            }

            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)).ToList();
            if (pending.Count > 0)
            {
                LogApplying(logger, pending.Count, string.Join(", ", pending));
            }
            // EF takes a database-wide migration lock, so several nodes starting together are safe.
            await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);

            if (db.Database.IsSqlite())
            {
                // WAL lets readers (pages, reports) go on while one writer commits; the mode is stored
                // in the file, so setting it once per start is enough for every later connection.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static void CreateSqliteDirectory(CallCenterDbContext db)
    {
        var dataSource = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" || dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }
        var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying {Count} database migration(s): {Migrations}")]
    private static partial void LogApplying(ILogger logger, int count, string migrations);
}
