using CallCenter.Core.Data;
using CallCenter.Core.Options;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CallCenter.Core.Hosting;

public static class CoreServiceCollectionExtensions
{
    /// <summary>Registers the database (provider chosen by configuration), options and business services.</summary>
    public static IHostApplicationBuilder AddCallCenterCore(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<CallCenterOptions>().BindConfiguration(CallCenterOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        var options = builder.Configuration.GetSection(CallCenterOptions.Section).Get<CallCenterOptions>() ?? new CallCenterOptions();
        var connectionString = builder.Configuration.GetConnectionString("CallCenter");
        AddDatabase(builder.Services, options, connectionString);
        return builder;
    }

    private static void AddDatabase(IServiceCollection services, CallCenterOptions options, string? connectionString)
    {
        switch (options.Database.Provider)
        {
            case DatabaseProvider.Sqlite:
                var dataDir = Path.GetFullPath(options.DataDir);
                Directory.CreateDirectory(dataDir);
                connectionString ??= $"Data Source={Path.Combine(dataDir, "callcenter.db")}";
                services.AddDbContextFactory<SqliteCallCenterDbContext>(o => o.UseSqlite(connectionString));
                services.AddSingleton<IDbContextFactory<CallCenterDbContext>, ProviderDbContextFactory<SqliteCallCenterDbContext>>();
                break;
            case DatabaseProvider.SqlServer:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException("CallCenter:Database:Provider is SqlServer but ConnectionStrings:CallCenter is not set.");
                }
                services.AddDbContextFactory<SqlServerCallCenterDbContext>(o => o.UseSqlServer(connectionString));
                services.AddSingleton<IDbContextFactory<CallCenterDbContext>, ProviderDbContextFactory<SqlServerCallCenterDbContext>>();
                break;
        }

        // Identity's stores take a scoped context; it comes from the same factory.
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<CallCenterDbContext>>().CreateDbContext());
    }
}
