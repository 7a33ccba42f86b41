using CallCenter.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Core.Services.Admin;

/// <summary>Pick lists for the admin forms: skills, groups, queues, IVR flows.</summary>
public sealed class AdminLookupService(IDbContextFactory<CallCenterDbContext> contextFactory)
{
    public async Task<IReadOnlyList<LookupItem>> ListSkillsAsync(CancellationToken cancellationToken = default)
    {
        var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            return await db.Skills.AsNoTracking().OrderBy(s => s.Name).Select(s => new LookupItem(s.Id, s.Name))
                .ToListAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<LookupItem>> ListGroupsAsync(CancellationToken cancellationToken = default)
    {
        var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            return await db.AgentGroups.AsNoTracking().OrderBy(g => g.Name).Select(g => new LookupItem(g.Id, g.Name))
                .ToListAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Queues by routing name (the key dialled numbers and overflows use).</summary>
    public async Task<IReadOnlyList<LookupItem>> ListQueuesAsync(CancellationToken cancellationToken = default)
    {
        var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            return await db.Queues.AsNoTracking().OrderBy(q => q.Name).Select(q => new LookupItem(q.Id, q.Name))
                .ToListAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>IVR flows by name (the key dialled numbers use).</summary>
    public async Task<IReadOnlyList<LookupItem>> ListIvrFlowsAsync(CancellationToken cancellationToken = default)
    {
        var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            return await db.IvrFlows.AsNoTracking().OrderBy(f => f.Name).Select(f => new LookupItem(f.Id, f.Name))
                .ToListAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
