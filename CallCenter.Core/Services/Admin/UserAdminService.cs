using CallCenter.Core.Data;
using CallCenter.Core.Domain;
using CallCenter.Core.Services.Audit;
using CallCenter.Core.Telephony;
using CallCenter.Telephony.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CallCenter.Core.Services.Admin;

/// <summary>
/// Web users and their agent profiles (用户与坐席). Identity's UserManager supplies name normalisation,
/// password rules and hashing; the rows are written through one short-lived context so that the user,
/// its roles, its agent profile and the audit rows are saved by a single SaveChanges (all or nothing),
/// which UserManager.CreateAsync followed by AddToRolesAsync (two saves) could not promise.
/// </summary>
public sealed partial class UserAdminService(
    IDbContextFactory<CallCenterDbContext> contextFactory,
    UserManager<AppUser> userManager,
    IOptions<SipOptions> sipOptions,
    AuditService audit,
    TimeProvider timeProvider,
    SipCredentialStore? credentialStore = null,
    DialPlan? dialPlan = null,
    AcdDirectory? acdDirectory = null)
{
    // Saves an agent change and, when it took, drops the SIP credentials cache (and the dial plan's and ACD's) so that a new SIP
    // password, extension or deactivation counts at the phone's next REGISTER, not seconds later.
    private async Task<AdminResult> SaveAgentChangeAsync(CallCenterDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var result = await AdminSave.SaveAsync(db, id, cancellationToken).ConfigureAwait(false);
        if (result.Succeeded)
        {
            credentialStore?.Invalidate();
            // An agent's extension is also a dialled number.
            dialPlan?.Invalidate();
            // And the ACD's members, names and skills.
            acdDirectory?.Invalidate();
        }
        return result;
    }

    public async Task<IReadOnlyList<UserSummary>> ListUsersAsync(string? search, CancellationToken cancellationToken = default)
    {
        var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var users = db.Users.AsNoTracking();
            if (!string.IsNullOrWhiteSpace(search))
            {
                var s = search.Trim();
                users = users.Where(u => u.UserName!.Contains(s) || u.DisplayName.Contains(s)
                    || (u.Agent != null && (u.Agent.WorkNumber.Contains(s) || u.Agent.Extension.Contains(s))));
            }
            var rows = await users
                .OrderBy(u => u.UserName)
                .Select(u => new { u.Id, u.UserName, u.DisplayName, u.IsActive, WorkNumber = u.Agent != null ? u.Agent.WorkNumber : null, Extension = u.Agent != null ? u.Agent.Extension : null })
                .ToListAsync(cancellationToken)
                .ConfigureAwait(false);
            var roles = await RolesByUserAsync(db, cancellationToken).ConfigureAwait(false);
            return rows
                .Select(u => new UserSummary(u.Id, u.UserName ?? "", u.DisplayName, u.IsActive, roles.GetValueOrDefault(u.Id) ?? [], u.WorkNumber, u.Extension))
                .ToList();
        }
    }

    /// <summary>The form model of a user, with the versions the editor must send back.</summary>
    public async Task<UserEditModel?> GetUserAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken).ConfigureAwait(false);
            if (user is null)
            {
                return null;
            }
            var agent = await db.Agents.AsNoTracking().Include(a => a.Groups).Include(a => a.Skills)
                .FirstOrDefaultAsync(a => a.UserId == userId, cancellationToken).ConfigureAwait(false);
            var roles = await RolesByUserAsync(db, cancellationToken, userId).ConfigureAwait(false);
            return new UserEditModel
            {
                Id = user.Id,
                UserName = user.UserName ?? "",
                DisplayName = user.DisplayName,
                Roles = [.. roles.GetValueOrDefault(user.Id) ?? []],
                // A deactivated user's agent is inactive too, yet its profile is still there.
                HasAgent = agent is not null && (agent.IsActive || !user.IsActive),
                WorkNumber = agent?.WorkNumber ?? "",
                Extension = agent?.Extension ?? "",
                Groups = agent?.Groups.Select(g => new GroupMembershipInput(g.GroupId, g.Priority)).ToList() ?? [],
                Skills = agent?.Skills.Select(s => new SkillLevelInput(s.SkillId, s.Level)).ToList() ?? [],
                SeatRow = agent?.SeatRow,
                SeatColumn = agent?.SeatColumn,
                UserConcurrencyStamp = user.ConcurrencyStamp,
                AgentVersion = agent?.Version,
            };
        }
    }

    public async Task<AdminResult> CreateUserAsync(UserEditModel model, AdminActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(actor);
        var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var errors = await ValidateAsync(db, model, null, null, cancellationToken).ConfigureAwait(false);
            if (errors.Count > 0)
            {
                return AdminResult.Invalid(errors);
            }

            var user = new AppUser
            {
                Id = Guid.CreateVersion7(),
                UserName = model.UserName.Trim(),
                NormalizedUserName = userManager.NormalizeName(model.UserName.Trim()),
                DisplayName = model.DisplayName.Trim(),
                IsActive = true,
                CreatedAt = timeProvider.GetUtcNow(),
                SecurityStamp = NewStamp(),
            };
            user.PasswordHash = userManager.PasswordHasher.HashPassword(user, model.Password!);
            db.Users.Add(user);
            await SetRolesAsync(db, user.Id, model.Roles, cancellationToken).ConfigureAwait(false);
            audit.Add(db, actor.UserName, "user.create", nameof(AppUser), user.Id.ToString(), $"userName={user.UserName}; roles={string.Join(',', model.Roles)}", actor.RemoteAddress);

            if (model.HasAgent)
            {
                var agent = new Agent { UserId = user.Id };
                ApplyAgent(agent, model);
                db.Agents.Add(agent);
                audit.Add(db, actor.UserName, "agent.create", nameof(Agent), agent.Id.ToString(), AgentDetails(agent), actor.RemoteAddress);
            }
            return await SaveAgentChangeAsync(db, user.Id, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<Dictionary<Guid, List<string>>> RolesByUserAsync(CallCenterDbContext db, CancellationToken cancellationToken, Guid? userId = null)
    {
        var links = from ur in db.UserRoles
                    join r in db.Roles on ur.RoleId equals r.Id
                    where userId == null || ur.UserId == userId
                    select new { ur.UserId, r.Name };
        var rows = await links.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.GroupBy(r => r.UserId).ToDictionary(g => g.Key, g => g.Select(r => r.Name ?? "").Order().ToList());
    }

    private async Task SetRolesAsync(CallCenterDbContext db, Guid userId, IEnumerable<string> roleNames, CancellationToken cancellationToken)
    {
        var wanted = roleNames.Select(userManager.NormalizeName).ToList();
        var wantedIds = await db.Roles.Where(r => wanted.Contains(r.NormalizedName)).Select(r => r.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var current = await db.UserRoles.Where(ur => ur.UserId == userId).ToListAsync(cancellationToken).ConfigureAwait(false);
        db.UserRoles.RemoveRange(current.Where(ur => !wantedIds.Contains(ur.RoleId)));
        foreach (var roleId in wantedIds.Where(id => current.All(ur => ur.RoleId != id)))
        {
            db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = userId, RoleId = roleId });
        }
    }

    private static string NewStamp() => Guid.NewGuid().ToString("N");

    private static string AgentDetails(Agent agent) =>
        $"workNumber={agent.WorkNumber}; extension={agent.Extension}; groups={agent.Groups.Count}; skills={agent.Skills.Count}";
}
