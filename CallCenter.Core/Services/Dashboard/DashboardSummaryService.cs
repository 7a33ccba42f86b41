using CallCenter.Core.Data;

using Microsoft.EntityFrameworkCore;

namespace CallCenter.Core.Services.Dashboard;

/// <summary>Counts for the home page, read in one short-lived context.</summary>
public sealed class DashboardSummaryService(IDbContextFactory<CallCenterDbContext> contexts, TimeProvider clock)
{
    /// <summary>Agents, queues and today's calls (since local midnight of the server).</summary>
    public async Task<DashboardSummary> GetAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetLocalNow();
        var midnight = new DateTimeOffset(now.Date, now.Offset);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var agents = await db.Agents.CountAsync(a => a.IsActive, cancellationToken).ConfigureAwait(false);
        var queues = await db.Queues.CountAsync(cancellationToken).ConfigureAwait(false);
        var calls = await db.Calls.CountAsync(c => c.OfferedAt >= midnight, cancellationToken).ConfigureAwait(false);
        var answered = await db.Calls.CountAsync(c => c.OfferedAt >= midnight && c.AnsweredAt != null, cancellationToken).ConfigureAwait(false);
        return new DashboardSummary(agents, queues, calls, answered);
    }
}
