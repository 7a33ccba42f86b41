using CallCenter.Core.Options;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CallCenter.Core.Data;

internal static class DatabaseServiceCollectionExtensions
{
    /// <summary>How long Microsoft.Data.Sqlite retries a busy or locked database before failing.</summary>
    internal const int SqliteBusyTimeoutSeconds = 30;

    internal const string SqliteFileName = "callcenter.db";

    /// <summary>The connection string's name under ConnectionStrings.</summary>
    internal const string ConnectionStringName = "CallCenter";

    /// <summary>
    /// Registers both providers' context factories and exposes the configured one to services as
    /// IDbContextFactory&lt;CallCenterDbContext&gt;, plus the start-up <see cref="DatabaseMigrator"/>.
    /// Settings are read when the factory is first resolved, not here, so that every configuration
    /// source a host adds after this call (a test host's settings among them) is seen.
    /// </summary>
    public static IServiceCollection AddCallCenterDatabase(this IServiceCollection services)
    {
        services.AddDbContextFactory<SqliteCallCenterDbContext>((sp, o) =>
            o.UseSqlite(SqliteConnectionString(Settings(sp).DataDir, ConnectionString(sp))));
        // Transient faults (failover, throttling) are retried. Code that opens its own
        // transaction must run it through Database.CreateExecutionStrategy().
        services.AddDbContextFactory<SqlServerCallCenterDbContext>((sp, o) =>
            o.UseSqlServer(ConnectionString(sp), s => s.EnableRetryOnFailure()));
        services.AddSingleton<IDbContextFactory<CallCenterDbContext>>(sp => Settings(sp).Database.Provider switch
        {
            DatabaseProvider.Sqlite => new ProviderDbContextFactory<SqliteCallCenterDbContext>(sp.GetRequiredService<IDbContextFactory<SqliteCallCenterDbContext>>()),
            DatabaseProvider.SqlServer => new ProviderDbContextFactory<SqlServerCallCenterDbContext>(sp.GetRequiredService<IDbContextFactory<SqlServerCallCenterDbContext>>()),
            var other => throw new InvalidOperationException($"Unknown database provider {other}."),
        });
        services.AddSingleton<IValidateOptions<CallCenterOptions>, DatabaseSettingsValidator>();

        services.PinIdentitySchema();
        // Identity's stores take a scoped context; it comes from the same factory.
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<CallCenterDbContext>>().CreateDbContext());
        services.AddSingleton<DatabaseMigrator>();
        return services;
    }

    private static CallCenterOptions Settings(IServiceProvider services) =>
        services.GetRequiredService<IOptions<CallCenterOptions>>().Value;

    internal static string? ConnectionString(IServiceProvider services) =>
        services.GetRequiredService<IConfiguration>().GetConnectionString(ConnectionStringName);

    /// <summary>
    /// The configured SQLite connection string, or a file in DataDir; with a busy timeout unless one is
    /// given, because the web circuits, the telephony subscriber and Hangfire all write at once.
    /// </summary>
    internal static string SqliteConnectionString(string dataDir, string? connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString ?? "");
        if (string.IsNullOrEmpty(connectionString))
        {
            builder.DataSource = Path.Combine(Path.GetFullPath(dataDir), SqliteFileName);
        }
        // Microsoft.Data.Sqlite's busy timeout is "Default Timeout" (it retries SQLITE_BUSY until then);
        // stated here rather than inherited so it cannot silently change under us.
        if (!(connectionString ?? "").Contains("Timeout", StringComparison.OrdinalIgnoreCase))
        {
            builder.DefaultTimeout = SqliteBusyTimeoutSeconds;
        }
        return builder.ToString();
    }
}
