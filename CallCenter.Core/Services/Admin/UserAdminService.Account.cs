using CallCenter.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Core.Services.Admin;

public sealed partial class UserAdminService
{
    /// <summary>Activates or deactivates a user and its agent profile; a deactivated user can neither sign in nor register a phone.</summary>
    public async Task<AdminResult> SetActiveAsync(Guid userId, bool active, AdminActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, cancellationToken).ConfigureAwait(false);
            if (user is null)
            {
                return AdminResult.NotFound();
            }
            user.IsActive = active;
            user.ConcurrencyStamp = Guid.NewGuid().ToString();
            // A new security stamp makes the sign-in cookie of a deactivated user fail its next validation.
            user.SecurityStamp = NewStamp();
            var agent = await db.Agents.FirstOrDefaultAsync(a => a.UserId == userId, cancellationToken).ConfigureAwait(false);
            if (agent is not null)
            {
                agent.IsActive = active;
            }
            audit.Add(db, actor.UserName, active ? "user.activate" : "user.deactivate", nameof(AppUser), user.Id.ToString(), $"userName={user.UserName}", actor.RemoteAddress);
            return await SaveAgentChangeAsync(db, user.Id, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Sets a new web password (checked against Identity's password rules).</summary>
    public async Task<AdminResult> ResetPasswordAsync(Guid userId, string newPassword, AdminActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, cancellationToken).ConfigureAwait(false);
            if (user is null)
            {
                return AdminResult.NotFound();
            }
            var code = await CheckWebPasswordAsync(user, newPassword).ConfigureAwait(false);
            if (code is not null)
            {
                return AdminResult.Invalid(nameof(UserEditModel.Password), code);
            }
            user.PasswordHash = userManager.PasswordHasher.HashPassword(user, newPassword);
            user.SecurityStamp = NewStamp();
            user.ConcurrencyStamp = Guid.NewGuid().ToString();
            audit.Add(db, actor.UserName, "user.password-reset", nameof(AppUser), user.Id.ToString(), $"userName={user.UserName}", actor.RemoteAddress);
            return await AdminSave.SaveAsync(db, user.Id, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Sets the SIP password of the user's extension; only its HA1 values are stored.</summary>
    public async Task<AdminResult> SetSipPasswordAsync(Guid userId, string sipPassword, AdminActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var agent = await db.Agents.FirstOrDefaultAsync(a => a.UserId == userId, cancellationToken).ConfigureAwait(false);
            if (agent is null)
            {
                return AdminResult.NotFound();
            }
            var code = CheckSipPassword(sipPassword);
            if (code is not null)
            {
                return AdminResult.Invalid(nameof(UserEditModel.SipPassword), code);
            }
            SetSipHashes(agent, sipPassword);
            audit.Add(db, actor.UserName, "agent.sip-password", nameof(Agent), agent.Id.ToString(), $"extension={agent.Extension}", actor.RemoteAddress);
            return await SaveAgentChangeAsync(db, userId, cancellationToken).ConfigureAwait(false);
        }
    }
}
