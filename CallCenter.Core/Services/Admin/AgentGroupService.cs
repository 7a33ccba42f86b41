using CallCenter.Core.Data;
using CallCenter.Core.Domain;
using CallCenter.Core.Services.Audit;
using CallCenter.Core.Telephony;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Core.Services.Admin;

/// <summary>Agent groups (坐席组) and their members with priorities.</summary>
public sealed class AgentGroupService(
    IDbContextFactory<CallCenterDbContext> contextFactory,
    AuditService audit,
    AcdDirectory? acdDirectory = null)
{
    // A saved change drops the ACD directory's snapshot, so waiting calls see the new members and settings at once.
    private async Task<AdminResult> SaveAndInvalidateAsync(CallCenterDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var result = await AdminSave.SaveAsync(db, id, cancellationToken).ConfigureAwait(false);
        if (result.Succeeded)
        {
            acdDirectory?.Invalidate();
        }
        return result;
    }

    public const int NameMaxLength = 64;

    public async Task<IReadOnlyList<AgentGroupSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            return await db.AgentGroups.AsNoTracking().OrderBy(g => g.Name)
                .Select(g => new AgentGroupSummary(g.Id, g.Name, g.Description, g.Members.Count))
                .ToListAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<AgentGroupEditModel?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var group = await db.AgentGroups.AsNoTracking().Include(g => g.Members)
                .FirstOrDefaultAsync(g => g.Id == id, cancellationToken).ConfigureAwait(false);
            return group is null ? null : new AgentGroupEditModel
            {
                Id = group.Id,
                Name = group.Name,
                Description = group.Description,
                Members = group.Members.OrderByDescending(m => m.Priority).Select(m => new GroupMemberInput(m.AgentId, m.Priority)).ToList(),
                Version = group.Version,
            };
        }
    }

    /// <summary>Active agents, for the member pick list.</summary>
    public async Task<IReadOnlyList<AgentOption>> ListAgentsAsync(CancellationToken cancellationToken = default)
    {
        var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            return await db.Agents.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.WorkNumber)
                .Select(a => new AgentOption(a.Id, a.WorkNumber, a.Name, a.Extension))
                .ToListAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public Task<AdminResult> CreateAsync(AgentGroupEditModel model, AdminActor actor, CancellationToken cancellationToken = default) =>
        SaveAsync(model, actor, isNew: true, cancellationToken);

    public Task<AdminResult> UpdateAsync(AgentGroupEditModel model, AdminActor actor, CancellationToken cancellationToken = default) =>
        SaveAsync(model, actor, isNew: false, cancellationToken);

    public async Task<AdminResult> DeleteAsync(Guid id, Guid version, AdminActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var group = await db.AgentGroups.FirstOrDefaultAsync(g => g.Id == id, cancellationToken).ConfigureAwait(false);
            if (group is null)
            {
                return AdminResult.NotFound();
            }
            if (group.Version != version)
            {
                return AdminResult.Conflict();
            }
            db.Entry(group).Property(g => g.Version).OriginalValue = version;
            db.AgentGroups.Remove(group);
            audit.Add(db, actor.UserName, "group.delete", nameof(AgentGroup), id.ToString(), $"name={group.Name}", actor.RemoteAddress);
            return await SaveAndInvalidateAsync(db, id, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<AdminResult> SaveAsync(AgentGroupEditModel model, AdminActor actor, bool isNew, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(actor);
        var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            AgentGroup? group;
            if (isNew)
            {
                group = new AgentGroup();
                db.AgentGroups.Add(group);
            }
            else
            {
                group = await db.AgentGroups.Include(g => g.Members).FirstOrDefaultAsync(g => g.Id == model.Id, cancellationToken).ConfigureAwait(false);
                if (group is null)
                {
                    return AdminResult.NotFound();
                }
                if (group.Version != model.Version)
                {
                    return AdminResult.Conflict();
                }
                AdminSave.ExpectVersion(db.Entry(group), model.Version);
            }

            var errors = await ValidateAsync(db, model, isNew ? Guid.Empty : group.Id, cancellationToken).ConfigureAwait(false);
            if (errors.Count > 0)
            {
                return AdminResult.Invalid(errors);
            }

            group.Name = model.Name.Trim();
            group.Description = string.IsNullOrWhiteSpace(model.Description) ? null : model.Description.Trim();
            var members = model.Members.DistinctBy(m => m.AgentId).ToList();
            group.Members.RemoveAll(m => members.All(i => i.AgentId != m.AgentId));
            foreach (var input in members)
            {
                var member = group.Members.FirstOrDefault(m => m.AgentId == input.AgentId);
                if (member is null)
                {
                    group.Members.Add(new AgentGroupMember { GroupId = group.Id, AgentId = input.AgentId, Priority = input.Priority });
                }
                else
                {
                    member.Priority = input.Priority;
                }
            }
            audit.Add(db, actor.UserName, isNew ? "group.create" : "group.update", nameof(AgentGroup), group.Id.ToString(),
                $"name={group.Name}; members={members.Count}", actor.RemoteAddress);
            return await SaveAndInvalidateAsync(db, group.Id, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<Dictionary<string, string>> ValidateAsync(
        CallCenterDbContext db, AgentGroupEditModel model, Guid ownId, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>();
        var name = model.Name.Trim();
        if (name.Length == 0)
        {
            errors[nameof(model.Name)] = AdminErrorCodes.Required;
        }
        else if (name.Length > NameMaxLength)
        {
            errors[nameof(model.Name)] = AdminErrorCodes.TooLong;
        }
        else if (await db.AgentGroups.AnyAsync(g => g.Name == name && g.Id != ownId, cancellationToken).ConfigureAwait(false))
        {
            errors[nameof(model.Name)] = AdminErrorCodes.Duplicate;
        }

        var agentIds = model.Members.Select(m => m.AgentId).Distinct().ToList();
        if (await db.Agents.CountAsync(a => agentIds.Contains(a.Id), cancellationToken).ConfigureAwait(false) != agentIds.Count)
        {
            errors[nameof(model.Members)] = AdminErrorCodes.UnknownAgent;
        }
        return errors;
    }
}
