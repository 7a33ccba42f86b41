using CallCenter.Core.Data;

using Microsoft.EntityFrameworkCore;

namespace CallCenter.Core.Services.Notices;

/// <summary>Who notices can reach: active users, and the groups their active agent belongs to.</summary>
internal static class NoticeAudience
{
    public static async Task<IReadOnlyList<NoticeAudienceMember>> LoadAsync(CallCenterDbContext db, CancellationToken cancellationToken)
    {
        var users = await db.Users.AsNoTracking().Where(u => u.IsActive)
            .Select(u => new { u.Id, u.UserName, u.DisplayName })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var memberships = await db.AgentGroupMembers.AsNoTracking()
            .Where(m => m.Agent!.IsActive && m.Agent.UserId != null)
            .Select(m => new { UserId = m.Agent!.UserId!.Value, m.GroupId })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var groupsByUser = memberships.ToLookup(m => m.UserId, m => m.GroupId);
        return users
            .Select(u => new NoticeAudienceMember(u.Id, u.UserName ?? "", u.DisplayName, groupsByUser[u.Id].ToHashSet()))
            .OrderBy(u => u.UserName, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The groups the user's active agent belongs to (none for users who take no calls).</summary>
    public static async Task<List<Guid>> GroupIdsOfAsync(CallCenterDbContext db, Guid userId, CancellationToken cancellationToken) =>
        await db.AgentGroupMembers.AsNoTracking()
            .Where(m => m.Agent!.UserId == userId && m.Agent.IsActive)
            .Select(m => m.GroupId)
            .Distinct()
            .ToListAsync(cancellationToken).ConfigureAwait(false);
}
