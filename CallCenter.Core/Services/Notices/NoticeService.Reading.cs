using CallCenter.Core.Data;
using CallCenter.Core.Domain;

using Microsoft.EntityFrameworkCore;

namespace CallCenter.Core.Services.Notices;

public sealed partial class NoticeService
{
    /// <summary>
    /// The notices in <paramref name="userId"/>'s inbox now: published, not expired, to everyone or to a group the
    /// user's agent belongs to; unread first, then newest first.
    /// </summary>
    public async Task<IReadOnlyList<NoticeInboxItem>> InboxAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var visible = await VisibleToAsync(db, userId, cancellationToken).ConfigureAwait(false);
            var rows = await visible
                .Select(n => new
                {
                    n.Id,
                    n.Title,
                    n.AuthorName,
                    n.PublishAt,
                    n.ExpiresAt,
                    IsRead = n.AuthorUserId == userId || n.Receipts.Any(r => r.UserId == userId),
                })
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            return rows
                .OrderBy(n => n.IsRead)
                .ThenByDescending(n => n.PublishAt)
                .Select(n => new NoticeInboxItem(n.Id, n.Title, n.AuthorName, Local(n.PublishAt), n.ExpiresAt is { } e ? Local(e) : null, n.IsRead))
                .ToList();
        }
    }

    /// <summary>How many notices in the user's inbox it has not read (the badge beside 业务通知).</summary>
    public async Task<int> UnreadCountAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var visible = await VisibleToAsync(db, userId, cancellationToken).ConfigureAwait(false);
            return await visible
                .CountAsync(n => n.AuthorUserId != userId && !n.Receipts.Any(r => r.UserId == userId), cancellationToken)
                .ConfigureAwait(false);
        }
    }

    /// <summary>A notice for its reader: one in the user's inbox now, or one the user wrote; else null.</summary>
    public async Task<NoticeDetail?> GetForReaderAsync(Guid noticeId, Guid userId, CancellationToken cancellationToken = default)
    {
        var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var visible = await VisibleToAsync(db, userId, cancellationToken).ConfigureAwait(false);
            var notice = await db.Notices.AsNoTracking()
                .Where(n => n.Id == noticeId && (n.AuthorUserId == userId || visible.Any(v => v.Id == n.Id)))
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            return notice is null ? null
                : new NoticeDetail(notice.Id, notice.Title, notice.Body, notice.AuthorName, Local(notice.PublishAt), notice.ExpiresAt is { } e ? Local(e) : null);
        }
    }

    /// <summary>
    /// Records that the user read the notice. Idempotent: one receipt per reader, the first reading's time kept.
    /// Returns false when the notice is not in the user's inbox (nothing recorded). Its author gets no receipt.
    /// </summary>
    public async Task<bool> MarkReadAsync(Guid noticeId, Guid userId, CancellationToken cancellationToken = default)
    {
        var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var visible = await VisibleToAsync(db, userId, cancellationToken).ConfigureAwait(false);
            var notice = await visible.Where(n => n.Id == noticeId)
                .Select(n => new { n.AuthorUserId, Read = n.Receipts.Any(r => r.UserId == userId) })
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (notice is null)
            {
                return false;
            }
            if (notice.Read || notice.AuthorUserId == userId)
            {
                return true;
            }
            db.NoticeReceipts.Add(new NoticeReceipt { NoticeId = noticeId, UserId = userId, ReadAt = clock.GetUtcNow() });
            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DbUpdateException)
            {
                // The same user read it in another tab at the same moment: the receipt is there, which is all we want.
                if (await ReceiptExistsAsync(noticeId, userId, cancellationToken).ConfigureAwait(false))
                {
                    return true;
                }
                throw;
            }
        }
        await notifier.NotifyAsync(new NoticeChange(noticeId, NoticeChangeKind.Read, userId)).ConfigureAwait(false);
        return true;
    }

    private async Task<bool> ReceiptExistsAsync(Guid noticeId, Guid userId, CancellationToken cancellationToken)
    {
        var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            return await db.NoticeReceipts.AnyAsync(r => r.NoticeId == noticeId && r.UserId == userId, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<IQueryable<Notice>> VisibleToAsync(CallCenterDbContext db, Guid userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var groupIds = await NoticeAudience.GroupIdsOfAsync(db, userId, cancellationToken).ConfigureAwait(false);
        return db.Notices.AsNoTracking()
            .Where(n => n.PublishAt <= now && (n.ExpiresAt == null || n.ExpiresAt > now))
            .Where(n => n.ToEveryone || n.Groups.Any(g => groupIds.Contains(g.GroupId)));
    }
}
