using CallCenter.Core.Data;
using CallCenter.Core.Demo;
using CallCenter.Core.Domain;
using CallCenter.Core.Options;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallCenter.Core.Services.Accounts;

/// <summary>
/// Makes sure the product's roles exist and that there is a first administrator to sign in with.
/// An existing <c>admin</c> is never touched: its password may have been changed since.
/// </summary>
public sealed partial class AdminBootstrapper(
    UserManager<AppUser> users,
    RoleManager<AppRole> roles,
    CallCenterDbContext db,
    IOptions<CallCenterOptions> options,
    TimeProvider time,
    ILogger<AdminBootstrapper> logger)
{
    public const string AdminUserName = "admin";

    /// <summary>Creates the missing roles of <see cref="Roles.All"/> and, if there is no <c>admin</c>, creates it.</summary>
    public async Task EnsureRolesAndAdminAsync(CancellationToken cancellationToken = default)
    {
        foreach (var role in Roles.All)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!await roles.RoleExistsAsync(role).ConfigureAwait(false))
            {
                IdentityResults.ThrowIfFailed(await roles.CreateAsync(new AppRole(role)).ConfigureAwait(false), $"create role {role}");
            }
        }

        if (await users.FindByNameAsync(AdminUserName).ConfigureAwait(false) is not null)
        {
            return;
        }

        var settings = options.Value;
        var (password, source) = ChoosePassword(settings);
        var admin = new AppUser { UserName = AdminUserName, DisplayName = "系统管理员", CreatedAt = time.GetUtcNow() };

        // One transaction: an admin without its role would lock everybody out of the admin pages.
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            IdentityResults.ThrowIfFailed(await users.CreateAsync(admin, password).ConfigureAwait(false), "create the admin user");
            IdentityResults.ThrowIfFailed(await users.AddToRoleAsync(admin, Roles.Admin).ConfigureAwait(false), "give admin the Admin role");
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        if (source == AdminPasswordSource.Generated)
        {
            // Logged only after the commit, and only here: nothing stores it, so this is the one chance to read it.
            LogGeneratedPassword(AdminUserName, password);
        }
        else
        {
            LogAdminCreated(AdminUserName, source);
        }
    }

    private static (string Password, AdminPasswordSource Source) ChoosePassword(CallCenterOptions settings)
    {
        if (!string.IsNullOrEmpty(settings.Admin.InitialPassword))
        {
            return (settings.Admin.InitialPassword, AdminPasswordSource.Configured);
        }
        return settings.Demo.Enabled
            ? (DemoContract.Password, AdminPasswordSource.Demo)
            : (StrongPasswordGenerator.Generate(), AdminPasswordSource.Generated);
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Created the first user '{UserName}' with a generated password, shown only this once: sign in and change it. Password: {Password}")]
    private partial void LogGeneratedPassword(string userName, string password);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the first user '{UserName}' with the {Source} password.")]
    private partial void LogAdminCreated(string userName, AdminPasswordSource source);
}
