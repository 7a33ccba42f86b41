using CallCenter.Core.Demo;
using CallCenter.Core.Hosting;

namespace CallCenter.Web.Hosting;

/// <summary>Gets the database ready before the first request.</summary>
public static class DatabaseStartup
{
    /// <summary>Applies the migrations, then ensures the roles and the first admin and, when enabled, the demo organisation.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await app.Services.MigrateCallCenterDatabaseAsync(app.Lifetime.ApplicationStopping);
        await app.Services.InitialiseCallCenterDataAsync(app.Lifetime.ApplicationStopping);
    }
}
