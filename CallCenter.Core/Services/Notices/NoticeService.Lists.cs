using CallCenter.Core.Data;
using CallCenter.Core.Domain;

using Microsoft.EntityFrameworkCore;

namespace CallCenter.Core.Services.Notices;

public sealed partial class NoticeService
{
    /// <summary>Every notice, newest first, with read counts (for supervisors, managers and admins).</summary>
    public Task<IReadOnlyList<NoticeSummary>> ListAllAsync(CancellationToken cancellationToken = default) =>
        ListAsync(authorUserId: null, cancellationToken);

    /// <summary>The notices <paramref name="authorUserId"/> posted, newest first, with read counts (a shift leader's own).</summary>
    public Task<IReadOnlyList<NoticeSummary>> ListForAuthorAsync(Guid authorUserId, CancellationToken cancellationToken = default) =>
        ListAsync(authorUserId, cancellationToken);

    /// <summary>
    /// Who read the notice and when, and who of its audience has not. For its author and for supervisors and above;
    /// null when the notice does not exist or the actor may not see its receipts.
    /// </summary>
    public async Task<NoticeReceipts?> ReceiptsAsync(Guid noticeId, NoticeActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var notice = await db.Notices.AsNoTracking().Include(n => n.Groups).Include(n => n.Receipts)
                .FirstOrDefaultAsync(n => n.Id == noticeId, cancellationToken).ConfigureAwait(false);
            if (notice is null || !(actor.MayPost && (notice.AuthorUserId == actor.UserId || actor.MayManageAll)))
            {
                return null;
            }
            var receipts = notice.Receipts.Where(r => r.UserId != notice.AuthorUserId).ToList();
            var readerIds = receipts.Select(r => r.UserId).ToList();
            var names = await db.Users.AsNoTracking().Where(u => readerIds.Contains(u.Id))
                .Select(u => new { u.Id, u.UserName, u.DisplayName })
                .ToDictionaryAsync(u => u.Id, cancellationToken).ConfigureAwait(false);
            var read = receipts.OrderBy(r => r.ReadAt)
                .Select(r => names.TryGetValue(r.UserId, out var user)
                    ? new NoticeReader(r.UserId, user.UserName ?? "", user.DisplayName, Local(r.ReadAt))
                    : new NoticeReader(r.UserId, r.UserId.ToString(), "", Local(r.ReadAt)))
                .ToList();

            var audience = await NoticeAudience.LoadAsync(db, cancellationToken).ConfigureAwait(false);
            var groupIds = notice.Groups.Select(g => g.GroupId).ToList();
            var unread = audience
                .Where(m => m.Receives(notice.AuthorUserId, notice.ToEveryone, groupIds) && !readerIds.Contains(m.UserId))
                .Select(m => new NoticeReader(m.UserId, m.UserName, m.DisplayName, null))
                .ToList();
            return new NoticeReceipts(notice.Id, notice.Title, read, unread);
        }
    }

    private async Task<IReadOnlyList<NoticeSummary>> ListAsync(Guid? authorUserId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var notices = db.Notices.AsNoTracking();
            if (authorUserId is { } author)
            {
                notices = notices.Where(n => n.AuthorUserId == author);
            }
            var rows = await notices
                .Select(n => new
                {
                    n.Id,
                    n.Title,
                    n.AuthorName,
                    n.AuthorUserId,
                    n.ToEveryone,
                    n.PublishAt,
                    n.ExpiresAt,
                    n.Version,
                    GroupIds = n.Groups.Select(g => g.GroupId).ToList(),
                    GroupNames = n.Groups.Select(g => g.Group!.Name).ToList(),
                    Readers = n.Receipts.Where(r => r.UserId != n.AuthorUserId).Select(r => r.UserId).ToList(),
                })
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var audience = await NoticeAudience.LoadAsync(db, cancellationToken).ConfigureAwait(false);
            return rows
                .OrderByDescending(n => n.PublishAt)
                .Select(n =>
                {
                    // The audience shown is who has read it plus who of today's audience has not, as the receipts view lists them.
                    var unread = audience.Count(m => m.Receives(n.AuthorUserId, n.ToEveryone, n.GroupIds) && !n.Readers.Contains(m.UserId));
                    var state = n.ExpiresAt <= now ? NoticeState.Expired : n.PublishAt > now ? NoticeState.Scheduled : NoticeState.Published;
                    return new NoticeSummary(n.Id, n.Title, n.AuthorName, n.ToEveryone, n.GroupNames.Order(StringComparer.Ordinal).ToList(),
                        Local(n.PublishAt), n.ExpiresAt is { } e ? Local(e) : null, state, n.Readers.Count, n.Readers.Count + unread, n.Version);
                })
                .ToList();
        }
    }
}
