using CallCenter.Core.Data;

using Microsoft.EntityFrameworkCore;

namespace CallCenter.Core.Services.Workspace;

/// <summary>Stores the disposition an agent gives its call at wrap-up.</summary>
public sealed class CallDispositionService(IDbContextFactory<CallCenterDbContext> contextFactory)
{
    /// <summary>
    /// Sets the disposition of <paramref name="callId"/>; only an agent who had a leg on the call may. False (nothing
    /// saved) for an unknown code, a call not (yet) recorded, or another agent's call.
    /// </summary>
    public async Task<bool> SetAsync(Guid callId, Guid agentId, string disposition, CancellationToken cancellationToken = default)
    {
        if (!CallDispositions.All.Contains(disposition))
        {
            return false;
        }
        var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var onCall = await db.CallLegs.AnyAsync(l => l.CallId == callId && l.AgentId == agentId, cancellationToken).ConfigureAwait(false);
            var updated = onCall && await db.Calls.Where(c => c.Id == callId)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Disposition, disposition), cancellationToken)
                .ConfigureAwait(false) == 1;
            return updated;
        }
    }
}
