using CallCenter.Core.Data;

using Microsoft.EntityFrameworkCore;

namespace CallCenter.Core.Services.Agents;

/// <summary>Finds the agent behind a user account (pages bind to the signed-in user's extension).</summary>
public sealed class AgentLookupService(IDbContextFactory<CallCenterDbContext> contextFactory)
{
    /// <summary>The active agent with an extension whose account is <paramref name="userId"/>, or null.</summary>
    public async Task<AgentIdentity?> FindByUserIdAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            return await db.Agents.AsNoTracking()
                .Where(a => a.UserId == userId && a.IsActive && a.Extension != "")
                .OrderBy(a => a.Extension)
                .Select(a => new AgentIdentity(a.Id, a.Extension, a.Name, a.WorkNumber))
                .FirstOrDefaultAsync(cancellationToken)
                .ConfigureAwait(false);
        }
    }

    /// <summary>The active agent with <paramref name="extension"/>, or null.</summary>
    public async Task<AgentIdentity?> FindByExtensionAsync(string extension, CancellationToken cancellationToken = default)
    {
        var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            return await db.Agents.AsNoTracking()
                .Where(a => a.Extension == extension && a.IsActive)
                .Select(a => new AgentIdentity(a.Id, a.Extension, a.Name, a.WorkNumber))
                .FirstOrDefaultAsync(cancellationToken)
                .ConfigureAwait(false);
        }
    }
}
