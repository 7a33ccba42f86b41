using CallCenter.Core.Data;
using CallCenter.Core.Domain;
using CallCenter.Core.Services.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Core.Demo;

/// <summary>The demo's web users with their roles. Needs the roles, which AdminBootstrapper creates first.</summary>
internal static class DemoUserSeeder
{
    /// <summary>
    /// Creates the users unless the leader exists, in one transaction on <paramref name="db"/> (the
    /// context the Identity stores write through), and returns every demo user's id by user name.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, Guid>> EnsureUsersAsync(
        UserManager<AppUser> users, CallCenterDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await users.FindByNameAsync(DemoContract.LeaderUserName).ConfigureAwait(false) is null)
        {
            var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                foreach (var member in DemoContract.Staff)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (await users.FindByNameAsync(member.UserName).ConfigureAwait(false) is not null)
                    {
                        continue;
                    }
                    var user = new AppUser { UserName = member.UserName, DisplayName = member.DisplayName, CreatedAt = now };
                    IdentityResults.ThrowIfFailed(await users.CreateAsync(user, DemoContract.Password).ConfigureAwait(false), $"create demo user {member.UserName}");
                    IdentityResults.ThrowIfFailed(await users.AddToRoleAsync(user, member.Role).ConfigureAwait(false), $"give {member.UserName} the {member.Role} role");
                }
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        var names = DemoContract.Staff.Select(s => s.UserName).ToList();
        return await db.Users.AsNoTracking()
            .Where(u => names.Contains(u.UserName!))
            .ToDictionaryAsync(u => u.UserName!, u => u.Id, StringComparer.Ordinal, cancellationToken)
            .ConfigureAwait(false);
    }
}
