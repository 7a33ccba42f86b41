using CallCenter.Core.Data;
using CallCenter.Core.Domain;
using CallCenter.Core.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CallCenter.Tests.Core.Data;

/// <summary>
/// Start-up as the web app does it: AddCallCenterCore with default settings except DataDir, then
/// MigrateCallCenterDatabaseAsync, against a real file in a fresh temporary folder.
/// </summary>
public sealed class SqliteStartupMigrationTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "callcenter-tests", Guid.NewGuid().ToString("N"));
    private readonly string _dataDir;
    private readonly IHost _host;

    public SqliteStartupMigrationTests()
    {
        // Two levels that do not exist yet: start-up must create them.
        _dataDir = Path.Combine(_root, "nested", "data");
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["CallCenter:DataDir"] = _dataDir });
        builder.AddCallCenterCore();
        _host = builder.Build();
    }

    [Fact]
    public async Task MigrateCreatesTheDatabaseFileInDataDir()
    {
        Assert.False(Directory.Exists(_dataDir));

        await _host.Services.MigrateCallCenterDatabaseAsync();

        Assert.True(File.Exists(Path.Combine(_dataDir, "callcenter.db")));
    }

    [Fact]
    public async Task MigrateCreatesEveryTableOfTheModel()
    {
        await _host.Services.MigrateCallCenterDatabaseAsync();

        await using var db = CreateDbContext();
        var tables = await ReadTablesAsync(db);
        var missing = ModelTables.Of(db).Except(tables).ToList();
        Assert.True(missing.Count == 0, "Not created by the migrations: " + string.Join(", ", missing));
        Assert.Contains("__EFMigrationsHistory", tables);
    }

    [Fact]
    public async Task MigrateSwitchesToWriteAheadLogging()
    {
        await _host.Services.MigrateCallCenterDatabaseAsync();

        await using var db = CreateDbContext();
        var mode = await db.Database.SqlQueryRaw<string>("SELECT journal_mode AS Value FROM pragma_journal_mode").SingleAsync();
        Assert.Equal("wal", mode);
    }

    [Fact]
    public async Task MigratingAgainChangesNothing()
    {
        await _host.Services.MigrateCallCenterDatabaseAsync();
        await using (var db = CreateDbContext())
        {
            db.Skills.Add(new Skill { Name = "粤语" });
            await db.SaveChangesAsync();
        }
        var applied = await AppliedMigrationsAsync();
        string[] tables;
        await using (var db = CreateDbContext())
        {
            tables = await ReadTablesAsync(db);
        }

        await _host.Services.MigrateCallCenterDatabaseAsync();

        await using (var db = CreateDbContext())
        {
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(tables, await ReadTablesAsync(db));
            Assert.Equal("粤语", (await db.Skills.SingleAsync()).Name);
        }
        Assert.Equal(applied, await AppliedMigrationsAsync());
    }

    private CallCenterDbContext CreateDbContext() =>
        _host.Services.GetRequiredService<IDbContextFactory<CallCenterDbContext>>().CreateDbContext();

    private async Task<string[]> AppliedMigrationsAsync()
    {
        await using var db = CreateDbContext();
        return (await db.Database.GetAppliedMigrationsAsync()).ToArray();
    }

    private static async Task<string[]> ReadTablesAsync(CallCenterDbContext db) =>
        (await db.Database
            .SqlQueryRaw<string>("SELECT name AS Value FROM sqlite_master WHERE type = 'table' ORDER BY name")
            .ToListAsync())
        .ToArray();

    public void Dispose()
    {
        _host.Dispose();
        // Pooled connections keep the file open; release them so the folder can go.
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
