using CallCenter.Core.Jobs;
using CallCenter.Core.Options;
using CallCenter.Web.Hosting.Identity;

using Hangfire;
using Hangfire.SqlServer;
using Hangfire.Storage.SQLite;

using Microsoft.Extensions.Options;

namespace CallCenter.Web.Hosting.Jobs;

/// <summary>
/// Hangfire: storage beside the product database (a SQLite file in DataDir, or the SQL Server database, so
/// that several nodes share one queue), a server in this process, the dashboard at /hangfire for admins.
/// </summary>
public static class JobsExtensions
{
    public const string DashboardPath = "/hangfire";

    public static WebApplicationBuilder AddCallCenterJobs(this WebApplicationBuilder builder)
    {
        // Settings are read when Hangfire is first resolved, so that a test host's late settings count.
        builder.Services.AddHangfire((services, config) =>
        {
            var options = services.GetRequiredService<IOptions<CallCenterOptions>>().Value;
            var connectionString = services.GetRequiredService<IConfiguration>().GetConnectionString("CallCenter");
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            if (options.Database.Provider == DatabaseProvider.SqlServer)
            {
                config.UseSqlServerStorage(connectionString, new SqlServerStorageOptions { PrepareSchemaIfNecessary = true });
            }
            else
            {
                // Its own file rather than the product database: sqlite-net and EF would otherwise fight
                // over one file's locks, and the job tables are no part of the product's schema.
                var dataDir = Path.GetFullPath(options.DataDir);
                Directory.CreateDirectory(dataDir);
                // Poll every second (default 15 s): queued work such as an SMS batch should start at once,
                // and one indexed query a second costs nothing.
                config.UseSQLiteStorage(Path.Combine(dataDir, "hangfire.db"), new SQLiteStorageOptions { QueuePollInterval = TimeSpan.FromSeconds(1) });
            }
        });
        builder.Services.AddHangfireServer(o =>
        {
            // Jobs here are housekeeping; a few workers are plenty and leave the CPU to the media path.
            o.WorkerCount = Math.Clamp(Environment.ProcessorCount, 2, 4);
            o.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
        });
        builder.Services.AddScoped<RecordingPurgeJob>();
        return builder;
    }

    public static WebApplication MapCallCenterJobs(this WebApplication app)
    {
        // The endpoint policy makes an anonymous visitor go to /login and a non-admin to /access-denied;
        // the dashboard's own filter is a second lock on the same door.
        app.MapHangfireDashboard(DashboardPath, new DashboardOptions
        {
            Authorization = [new AdminDashboardAuthorizationFilter()],
            AppPath = "/",
            DashboardTitle = "CallCenter jobs",
        }).RequireAuthorization(Policies.Admin);

        var recurring = app.Services.GetRequiredService<IRecurringJobManager>();
        recurring.AddOrUpdate<RecordingPurgeJob>(
            RecordingPurgeJob.RecurringJobId,
            job => job.RunAsync(CancellationToken.None),
            Cron.Daily(3),
            new RecurringJobOptions { TimeZone = TimeZoneInfo.Local });
        return app;
    }
}
