using CallCenter.Core.Data;
using CallCenter.Core.Domain;

using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Web.Hosting;

/// <summary>Gets the database ready before the first request.</summary>
public static class DatabaseStartup
{
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var contexts = scope.ServiceProvider.GetRequiredService<IDbContextFactory<CallCenterDbContext>>();
        await using (var db = await contexts.CreateDbContextAsync())
        {
            // TEMPORARY (web branch): EnsureCreated stands in for the migrator from the data branch.
            // At that merge, replace this call with the migrator and delete this comment.
            await db.Database.EnsureCreatedAsync();
        }

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
