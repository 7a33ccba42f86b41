using CallCenter.Core.Data;
using CallCenter.Core.Domain;
using CallCenter.Core.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CallCenter.Tests.Core.Data;

public class DatabaseRegistrationTests
{
    [Fact]
    public void IdentitySchemaIsPinnedWhateverTheHostAsksFor()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.AddCallCenterCore();
        // Registered after Core, as Program.cs does: the migrations are for one schema only.
        builder.Services.AddIdentityCore<AppUser>(o => o.Stores.SchemaVersion = IdentitySchemaVersions.Version1);
        using var host = builder.Build();

        var stores = host.Services.GetRequiredService<IOptions<IdentityOptions>>().Value.Stores;
        Assert.Equal(IdentitySchemaVersions.Version3, stores.SchemaVersion);
        using var db = host.Services.GetRequiredService<IDbContextFactory<CallCenterDbContext>>().CreateDbContext();
        Assert.NotNull(db.Model.FindEntityType(typeof(IdentityUserPasskey<Guid>)));
    }

    [Fact]
    public void SqliteIsTheDefaultWithItsFileInDataDirAndABusyTimeout()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["CallCenter:DataDir"] = "some-dir" });
        builder.AddCallCenterCore();
        using var host = builder.Build();

        using var db = host.Services.GetRequiredService<IDbContextFactory<CallCenterDbContext>>().CreateDbContext();
        Assert.IsType<SqliteCallCenterDbContext>(db);
        var connection = new SqliteConnectionStringBuilder(db.Database.GetConnectionString());
        Assert.Equal(Path.Combine(Path.GetFullPath("some-dir"), "callcenter.db"), connection.DataSource);
        Assert.True(connection.DefaultTimeout >= 30);
        Assert.False(Directory.Exists("some-dir"), "Registering services must not touch the disk; start-up migration does.");
    }

    [Fact]
    public void SqlServerRetriesTransientFailures()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CallCenter:Database:Provider"] = "SqlServer",
            ["ConnectionStrings:CallCenter"] = SqlServerDesignTimeDbContextFactory.PlaceholderConnectionString,
        });
        builder.AddCallCenterCore();
        using var host = builder.Build();

        using var db = host.Services.GetRequiredService<IDbContextFactory<CallCenterDbContext>>().CreateDbContext();
        Assert.IsType<SqlServerCallCenterDbContext>(db);
        Assert.True(db.Database.CreateExecutionStrategy().RetriesOnFailure);
    }

    [Fact]
    public async Task SqlServerWithoutAConnectionStringIsRefusedAtStart()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["CallCenter:Database:Provider"] = "SqlServer" });
        builder.AddCallCenterCore();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("ConnectionStrings:CallCenter", error.Message);
    }

    [Fact]
    public void SettingsAddedAfterRegistrationAreSeen()
    {
        // A test host (WebApplicationFactory) adds its settings after Program has registered the services.
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.AddCallCenterCore();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["CallCenter:DataDir"] = "late-dir" });
        using var host = builder.Build();

        using var db = host.Services.GetRequiredService<IDbContextFactory<CallCenterDbContext>>().CreateDbContext();
        var connection = new SqliteConnectionStringBuilder(db.Database.GetConnectionString());
        Assert.Equal(Path.Combine(Path.GetFullPath("late-dir"), "callcenter.db"), connection.DataSource);
    }
}
