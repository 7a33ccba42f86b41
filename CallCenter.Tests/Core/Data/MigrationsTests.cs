using CallCenter.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CallCenter.Tests.Core.Data;

/// <summary>
/// The migrations of each provider describe exactly the current model. When one of these fails after a
/// change to the domain or a configuration, run scripts/add-migration.sh with a name for the change.
/// </summary>
public class MigrationsTests
{
    [Fact]
    public void SqliteMigrationsMatchTheModel()
    {
        using var db = new SqliteDesignTimeDbContextFactory().CreateDbContext([]);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes with no SQLite migration: run scripts/add-migration.sh NAME.");
    }

    [Fact]
    public void SqlServerMigrationsMatchTheModel()
    {
        // No server is contacted: comparing the model with the last migration's snapshot is offline.
        using var db = new SqlServerDesignTimeDbContextFactory().CreateDbContext([]);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes with no SQL Server migration: run scripts/add-migration.sh NAME.");
    }

    [Fact]
    public void FirstMigrationOfEachProviderIsNamedInitial()
    {
        using var sqlite = new SqliteDesignTimeDbContextFactory().CreateDbContext([]);
        using var sqlServer = new SqlServerDesignTimeDbContextFactory().CreateDbContext([]);
        Assert.EndsWith("_Initial", sqlite.Database.GetMigrations().First());
        Assert.EndsWith("_Initial", sqlServer.Database.GetMigrations().First());
    }

    [Fact]
    public void SqlServerScriptCreatesEveryTableOfTheModel()
    {
        using var db = new SqlServerDesignTimeDbContextFactory().CreateDbContext([]);
        var script = db.GetService<IMigrator>().GenerateScript();

        var tables = ModelTables.Of(db);
        Assert.Contains("Agents", tables);
        Assert.Contains("AspNetUsers", tables);
        var missing = tables.Where(t => !script.Contains($"CREATE TABLE [{t}] (", StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, "No CREATE TABLE for: " + string.Join(", ", missing));
    }

    [Fact]
    public void SqlServerScriptCreatesEveryUniqueIndexOfTheModel()
    {
        using var db = new SqlServerDesignTimeDbContextFactory().CreateDbContext([]);
        var script = db.GetService<IMigrator>().GenerateScript();

        var unique = db.Model.GetEntityTypes()
            .SelectMany(e => e.GetIndexes())
            .Where(i => i.IsUnique)
            .Select(i => $"CREATE UNIQUE INDEX [{i.GetDatabaseName()}] ON [{i.DeclaringEntityType.GetTableName()}]")
            .ToList();
        // The ones the product relies on, so that a dropped HasIndex(...).IsUnique() is noticed here too.
        Assert.Contains("CREATE UNIQUE INDEX [IX_Agents_Extension] ON [Agents]", unique);
        Assert.Contains("CREATE UNIQUE INDEX [IX_DialledNumbers_Number] ON [DialledNumbers]", unique);
        var missing = unique.Where(u => !script.Contains(u, StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, "Missing from the script: " + string.Join(", ", missing));

        // An agent without a web account is normal: SQL Server would otherwise allow only one NULL.
        Assert.Contains("CREATE UNIQUE INDEX [IX_Agents_UserId] ON [Agents] ([UserId]) WHERE [UserId] IS NOT NULL;", script);
    }

    [Theory]
    [InlineData("Agents", "Extension")]
    [InlineData("Agents", "WorkNumber")]
    [InlineData("Agents", "UserId")]
    [InlineData("AgentGroups", "Name")]
    [InlineData("Queues", "Name")]
    [InlineData("DialledNumbers", "Number")]
    [InlineData("IvrFlows", "Name")]
    [InlineData("Skills", "Name")]
    [InlineData("InfoItems", "Code")]
    [InlineData("Trunks", "Name")]
    public void NaturalKeysAreUnique(string table, string column)
    {
        using var db = new SqlServerDesignTimeDbContextFactory().CreateDbContext([]);
        var entity = db.Model.GetEntityTypes().Single(e => e.GetTableName() == table && !e.IsOwned());
        Assert.Contains(entity.GetIndexes(), i => i.IsUnique && i.Properties.Count == 1 && i.Properties[0].Name == column);
    }
}
