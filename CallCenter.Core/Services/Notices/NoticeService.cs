using CallCenter.Core.Data;
using CallCenter.Core.Domain;
using CallCenter.Core.Services.Admin;
using CallCenter.Core.Services.Audit;

using Microsoft.EntityFrameworkCore;

namespace CallCenter.Core.Services.Notices;

/// <summary>
/// 业务通知: shift leaders and above post notices to everyone or to agent groups, with a publish time and an
/// optional expiry; every user reads those addressed to it in its inbox, and the author sees who has read them.
/// Changes are audited in the same SaveChanges and announced through <see cref="NoticeNotifier"/>.
/// Times come back in the call center's local time zone (<see cref="TimeProvider.LocalTimeZone"/>).
/// </summary>
public sealed partial class NoticeService(
    IDbContextFactory<CallCenterDbContext> contextFactory,
    AuditService audit,
    NoticeNotifier notifier,
    TimeProvider clock)
{
    /// <summary>Audit action of a notice posted.</summary>
    public const string CreateAction = "notice.create";

    /// <summary>Audit action of a notice edited.</summary>
    public const string UpdateAction = "notice.update";

    /// <summary>Audit action of a notice expired by hand.</summary>
    public const string ExpireAction = "notice.expire";

    /// <summary>Posts a notice; refused (<see cref="NoticeResultStatus.Forbidden"/>) unless the actor is a shift leader or above.</summary>
    public async Task<NoticeResult> CreateAsync(NoticeEditModel model, NoticeActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.MayPost)
        {
            return NoticeResult.Forbidden();
        }
        var now = clock.GetUtcNow();
        Notice notice;
        var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var author = await db.Users.AsNoTracking().Where(u => u.Id == actor.UserId)
                .Select(u => new { u.DisplayName, u.UserName }).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (author is null)
            {
                return NoticeResult.Forbidden();
            }
            var publishAt = model.PublishAt ?? now;
            var errors = await ValidateAsync(db, model, publishAt, cancellationToken).ConfigureAwait(false);
            if (errors.Count > 0)
            {
                return NoticeResult.Invalid(errors);
            }

            notice = new Notice
            {
                AuthorUserId = actor.UserId,
                AuthorName = string.IsNullOrWhiteSpace(author.DisplayName) ? author.UserName ?? actor.UserName : author.DisplayName,
                CreatedAt = now,
            };
            Apply(notice, model, publishAt, now);
            db.Notices.Add(notice);
            audit.Add(db, actor.UserName, CreateAction, nameof(Notice), notice.Id.ToString(), Describe(notice), actor.RemoteAddress);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        await notifier.NotifyAsync(new NoticeChange(notice.Id, NoticeChangeKind.Created, actor.UserId)).ConfigureAwait(false);
        return NoticeResult.Ok(notice.Id);
    }

    /// <summary>
    /// Edits a notice from the version the editor loaded (<see cref="NoticeEditModel.Version"/>): a notice saved by
    /// someone else meanwhile is a conflict. Its author, or a supervisor and above, may edit it.
    /// </summary>
    public async Task<NoticeResult> UpdateAsync(NoticeEditModel model, NoticeActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(actor);
        var now = clock.GetUtcNow();
        var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var notice = await db.Notices.Include(n => n.Groups).FirstOrDefaultAsync(n => n.Id == model.Id, cancellationToken).ConfigureAwait(false);
            var refusal = Check(notice, model.Version, actor);
            if (refusal is not null)
            {
                return refusal;
            }
            var publishAt = model.PublishAt ?? notice!.PublishAt;
            var errors = await ValidateAsync(db, model, publishAt, cancellationToken).ConfigureAwait(false);
            if (errors.Count > 0)
            {
                return NoticeResult.Invalid(errors);
            }
            AdminSave.ExpectVersion(db.Entry(notice!), model.Version);
            Apply(notice!, model, publishAt, now);
            audit.Add(db, actor.UserName, UpdateAction, nameof(Notice), notice!.Id.ToString(), Describe(notice), actor.RemoteAddress);
            return await SaveAndNotifyAsync(db, notice, NoticeChangeKind.Updated, actor, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Takes a notice out of every inbox now (its expiry becomes now), from the version on the manager's screen.</summary>
    public async Task<NoticeResult> ExpireAsync(Guid noticeId, Guid version, NoticeActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var now = clock.GetUtcNow();
        var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var notice = await db.Notices.FirstOrDefaultAsync(n => n.Id == noticeId, cancellationToken).ConfigureAwait(false);
            var refusal = Check(notice, version, actor);
            if (refusal is not null)
            {
                return refusal;
            }
            AdminSave.ExpectVersion(db.Entry(notice!), version);
            if (notice!.ExpiresAt is null || notice.ExpiresAt > now)
            {
                notice.ExpiresAt = now;
            }
            notice.UpdatedAt = now;
            audit.Add(db, actor.UserName, ExpireAction, nameof(Notice), notice.Id.ToString(), $"title={notice.Title}", actor.RemoteAddress);
            return await SaveAndNotifyAsync(db, notice, NoticeChangeKind.Expired, actor, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The form of an existing notice (times in local time), or null.</summary>
    public async Task<NoticeEditModel?> GetAsync(Guid noticeId, CancellationToken cancellationToken = default)
    {
        var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var notice = await db.Notices.AsNoTracking().Include(n => n.Groups)
                .FirstOrDefaultAsync(n => n.Id == noticeId, cancellationToken).ConfigureAwait(false);
            return notice is null ? null : new NoticeEditModel
            {
                Id = notice.Id,
                Title = notice.Title,
                Body = notice.Body,
                ToEveryone = notice.ToEveryone,
                GroupIds = notice.Groups.Select(g => g.GroupId).ToList(),
                PublishAt = Local(notice.PublishAt),
                ExpiresAt = notice.ExpiresAt is { } expires ? Local(expires) : null,
                Version = notice.Version,
            };
        }
    }

    /// <summary>The agent groups a notice can be addressed to, for the picker.</summary>
    public async Task<IReadOnlyList<LookupItem>> ListGroupsAsync(CancellationToken cancellationToken = default)
    {
        var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            return await db.AgentGroups.AsNoTracking().OrderBy(g => g.Name)
                .Select(g => new LookupItem(g.Id, g.Name))
                .ToListAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static NoticeResult? Check(Notice? notice, Guid version, NoticeActor actor)
    {
        if (!actor.MayPost)
        {
            return NoticeResult.Forbidden();
        }
        if (notice is null)
        {
            return NoticeResult.NotFound();
        }
        if (notice.AuthorUserId != actor.UserId && !actor.MayManageAll)
        {
            return NoticeResult.Forbidden();
        }
        return notice.Version == version ? null : NoticeResult.Conflict();
    }

    private static void Apply(Notice notice, NoticeEditModel model, DateTimeOffset publishAt, DateTimeOffset now)
    {
        notice.Title = model.Title.Trim();
        notice.Body = model.Body.Trim();
        notice.ToEveryone = model.ToEveryone;
        notice.PublishAt = publishAt;
        notice.ExpiresAt = model.ExpiresAt;
        notice.UpdatedAt = now;
        var groupIds = model.ToEveryone ? [] : model.GroupIds.Distinct().ToList();
        notice.Groups.RemoveAll(g => !groupIds.Contains(g.GroupId));
        foreach (var groupId in groupIds.Where(id => notice.Groups.All(g => g.GroupId != id)))
        {
            notice.Groups.Add(new NoticeGroup { NoticeId = notice.Id, GroupId = groupId });
        }
    }

    private static string Describe(Notice notice) =>
        $"title={notice.Title}; to={(notice.ToEveryone ? "everyone" : string.Join(",", notice.Groups.Select(g => g.GroupId)))}; " +
        $"publish={notice.PublishAt:O}; expires={notice.ExpiresAt:O}";

    private async Task<NoticeResult> SaveAndNotifyAsync(
        CallCenterDbContext db, Notice notice, NoticeChangeKind kind, NoticeActor actor, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            return NoticeResult.Conflict();
        }
        await notifier.NotifyAsync(new NoticeChange(notice.Id, kind, actor.UserId)).ConfigureAwait(false);
        return NoticeResult.Ok(notice.Id);
    }

    private DateTimeOffset Local(DateTimeOffset value) => TimeZoneInfo.ConvertTime(value, clock.LocalTimeZone);
}
