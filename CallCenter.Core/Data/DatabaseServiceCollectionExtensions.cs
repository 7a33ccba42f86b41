using CallCenter.Core.Options;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Core.Data;

internal static class DatabaseServiceCollectionExtensions
{
    /// <summary>How long Microsoft.Data.Sqlite retries a busy or locked database before failing.</summary>
    internal const int SqliteBusyTimeoutSeconds = 30;

    internal const string SqliteFileName = "callcenter.db";

    /// <summary>
    /// Registers the configured provider's context factory, exposed to services as
    /// IDbContextFactory&lt;CallCenterDbContext&gt;, and the start-up <see cref="DatabaseMigrator"/>.
    /// </summary>
    public static IServiceCollection AddCallCenterDatabase(this IServiceCollection services, CallCenterOptions options, string? connectionString)
    {
        switch (options.Database.Provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = SqliteConnectionString(options.DataDir, connectionString);
                services.AddDbContextFactory<SqliteCallCenterDbContext>(o => o.UseSqlite(sqlite));
                services.AddSingleton<IDbContextFactory<CallCenterDbContext>, ProviderDbContextFactory<SqliteCallCenterDbContext>>();
                break;
            case DatabaseProvider.SqlServer:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException("CallCenter:Database:Provider is SqlServer but ConnectionStrings:CallCenter is not set.");
                }
                // Transient faults (failover, throttling) are retried. Code that opens its own
                // transaction must run it through Database.CreateExecutionStrategy().
                services.AddDbContextFactory<SqlServerCallCenterDbContext>(o => o.UseSqlServer(connectionString, s => s.EnableRetryOnFailure()));
                services.AddSingleton<IDbContextFactory<CallCenterDbContext>, ProviderDbContextFactory<SqlServerCallCenterDbContext>>();
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider {options.Database.Provider}.");
        }

        services.PinIdentitySchema();
        // Identity's stores take a scoped context; it comes from the same factory.
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<CallCenterDbContext>>().CreateDbContext());
        services.AddSingleton<DatabaseMigrator>();
        return services;
    }

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
