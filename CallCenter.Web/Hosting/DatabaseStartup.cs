using CallCenter.Core.Hosting;
using CallCenter.Core.Domain;

using Microsoft.AspNetCore.Identity;

namespace CallCenter.Web.Hosting;

/// <summary>Gets the database ready before the first request.</summary>
public static class DatabaseStartup
{
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await app.Services.MigrateCallCenterDatabaseAsync();

        // The role names are fixed by the product (Roles.All); pages authorize by them, so they must exist.
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<AppRole>>();
        foreach (var name in Roles.All)
        {
            if (!await roles.RoleExistsAsync(name))
            {
                await roles.CreateAsync(new AppRole(name));
            }
        }
    }
}
