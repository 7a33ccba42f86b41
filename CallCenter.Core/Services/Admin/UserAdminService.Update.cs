using CallCenter.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Core.Services.Admin;

public sealed partial class UserAdminService
{
    /// <summary>
    /// Saves the form over the user the editor loaded. If the user or its agent changed meanwhile
    /// (another editor saved first) nothing is written and the result is a conflict.
    /// </summary>
    public async Task<AdminResult> UpdateUserAsync(UserEditModel model, AdminActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(actor);
        var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var user = await db.Users.FirstOrDefaultAsync(u => u.Id == model.Id, cancellationToken).ConfigureAwait(false);
            if (user is null)
            {
                return AdminResult.NotFound();
            }
            var agent = await db.Agents.Include(a => a.Groups).Include(a => a.Skills)
                .FirstOrDefaultAsync(a => a.UserId == model.Id, cancellationToken).ConfigureAwait(false);
            if (user.ConcurrencyStamp != model.UserConcurrencyStamp || agent?.Version != model.AgentVersion)
            {
                return AdminResult.Conflict();
            }

            var errors = await ValidateAsync(db, model, user, agent, cancellationToken).ConfigureAwait(false);
            if (errors.Count > 0)
            {
                return AdminResult.Invalid(errors);
            }

            // Identity's ConcurrencyStamp is the user's token: the UPDATE matches only the stamp the editor saw.
            db.Entry(user).Property(u => u.ConcurrencyStamp).OriginalValue = model.UserConcurrencyStamp;
            user.ConcurrencyStamp = Guid.NewGuid().ToString();
            user.UserName = model.UserName.Trim();
            user.NormalizedUserName = userManager.NormalizeName(user.UserName);
            user.DisplayName = model.DisplayName.Trim();
            await SetRolesAsync(db, user.Id, model.Roles, cancellationToken).ConfigureAwait(false);
            audit.Add(db, actor.UserName, "user.update", nameof(AppUser), user.Id.ToString(), $"userName={user.UserName}; roles={string.Join(',', model.Roles)}", actor.RemoteAddress);

            if (agent is not null)
            {
                AdminSave.ExpectVersion(db.Entry(agent), agent.Version);
                if (model.HasAgent)
                {
                    ApplyAgent(agent, model);
                    agent.IsActive = user.IsActive;
                }
                else
                {
                    // The profile stays for call history; it only stops taking calls and registering.
                    agent.IsActive = false;
                }
                audit.Add(db, actor.UserName, "agent.update", nameof(Agent), agent.Id.ToString(), AgentDetails(agent), actor.RemoteAddress);
            }
            else if (model.HasAgent)
            {
                agent = new Agent { UserId = user.Id, IsActive = user.IsActive };
                ApplyAgent(agent, model);
                db.Agents.Add(agent);
                audit.Add(db, actor.UserName, "agent.create", nameof(Agent), agent.Id.ToString(), AgentDetails(agent), actor.RemoteAddress);
            }
            return await SaveAgentChangeAsync(db, user.Id, cancellationToken).ConfigureAwait(false);
        }
    }
}
