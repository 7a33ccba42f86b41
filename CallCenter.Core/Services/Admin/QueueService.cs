using CallCenter.Core.Data;
using CallCenter.Core.Domain;
using CallCenter.Core.Services.Audit;
using CallCenter.Core.Telephony;
using CallCenter.Telephony.Acd;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Core.Services.Admin;

/// <summary>ACD queues (队列): strategy, timers, overflow, announcements, recording, groups and skills.</summary>
public sealed partial class QueueService(
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

    public async Task<IReadOnlyList<QueueSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var queues = await db.Queues.AsNoTracking().Include(q => q.Groups).ThenInclude(g => g.Group)
                .OrderBy(q => q.Name).ToListAsync(cancellationToken).ConfigureAwait(false);
            return queues.Select(q => new QueueSummary(q.Id, q.Name, q.DisplayName, q.Strategy, q.RingTimeoutSeconds, q.MaxWaitSeconds,
                q.WrapUpSeconds, q.OverflowTargetType, q.OverflowTarget, q.RecordingRule,
                q.Groups.Select(g => g.Group?.Name ?? "").Order().ToList())).ToList();
        }
    }

    public async Task<QueueEditModel?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var q = await db.Queues.AsNoTracking().Include(x => x.Groups).Include(x => x.RequiredSkills)
                .FirstOrDefaultAsync(x => x.Id == id, cancellationToken).ConfigureAwait(false);
            return q is null ? null : new QueueEditModel
            {
                Id = q.Id,
                Name = q.Name,
                DisplayName = q.DisplayName,
                Strategy = q.Strategy,
                RingTimeoutSeconds = q.RingTimeoutSeconds,
                MaxWaitSeconds = q.MaxWaitSeconds,
                WrapUpSeconds = q.WrapUpSeconds,
                OverflowTargetType = q.OverflowTargetType,
                OverflowTarget = q.OverflowTarget,
                JoinWhenEmpty = q.JoinWhenEmpty,
                LeaveWhenEmpty = q.LeaveWhenEmpty,
                AnnouncePosition = q.AnnouncePosition,
                AnnounceIntervalSeconds = q.AnnounceIntervalSeconds,
                OfferCallback = q.OfferCallback,
                BusinessHours = q.BusinessHours,
                RecordingRule = q.RecordingRule,
                RecordingNumbers = q.RecordingNumbers,
                GroupIds = q.Groups.Select(g => g.GroupId).ToList(),
                RequiredSkills = q.RequiredSkills.Select(s => new SkillLevelInput(s.SkillId, s.MinLevel)).ToList(),
                Version = q.Version,
            };
        }
    }

    public Task<AdminResult> CreateAsync(QueueEditModel model, AdminActor actor, CancellationToken cancellationToken = default) =>
        SaveAsync(model, actor, isNew: true, cancellationToken);

    public Task<AdminResult> UpdateAsync(QueueEditModel model, AdminActor actor, CancellationToken cancellationToken = default) =>
        SaveAsync(model, actor, isNew: false, cancellationToken);

    public async Task<AdminResult> DeleteAsync(Guid id, Guid version, AdminActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var queue = await db.Queues.FirstOrDefaultAsync(q => q.Id == id, cancellationToken).ConfigureAwait(false);
            if (queue is null)
            {
                return AdminResult.NotFound();
            }
            if (queue.Version != version)
            {
                return AdminResult.Conflict();
            }
            db.Entry(queue).Property(q => q.Version).OriginalValue = version;
            db.Queues.Remove(queue);
            audit.Add(db, actor.UserName, "queue.delete", nameof(CallQueue), id.ToString(), $"name={queue.Name}", actor.RemoteAddress);
            return await SaveAndInvalidateAsync(db, id, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<AdminResult> SaveAsync(QueueEditModel model, AdminActor actor, bool isNew, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(actor);
        var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            CallQueue? queue;
            if (isNew)
            {
                queue = new CallQueue();
            }
            else
            {
                queue = await db.Queues.Include(q => q.Groups).Include(q => q.RequiredSkills)
                    .FirstOrDefaultAsync(q => q.Id == model.Id, cancellationToken).ConfigureAwait(false);
                if (queue is null)
                {
                    return AdminResult.NotFound();
                }
                if (queue.Version != model.Version)
                {
                    return AdminResult.Conflict();
                }
                AdminSave.ExpectVersion(db.Entry(queue), model.Version);
            }

            var errors = await ValidateAsync(db, model, isNew ? Guid.Empty : queue.Id, cancellationToken).ConfigureAwait(false);
            if (errors.Count > 0)
            {
                return AdminResult.Invalid(errors);
            }
            if (isNew)
            {
                db.Queues.Add(queue);
            }
            Apply(queue, model);
            audit.Add(db, actor.UserName, isNew ? "queue.create" : "queue.update", nameof(CallQueue), queue.Id.ToString(),
                $"name={queue.Name}; strategy={queue.Strategy}; groups={queue.Groups.Count}; overflow={queue.OverflowTargetType}:{queue.OverflowTarget}; hours={queue.BusinessHours}",
                actor.RemoteAddress);
            return await SaveAndInvalidateAsync(db, queue.Id, cancellationToken).ConfigureAwait(false);
        }
    }

    private static void Apply(CallQueue queue, QueueEditModel model)
    {
        queue.Name = model.Name.Trim();
        queue.DisplayName = model.DisplayName.Trim();
        queue.Strategy = model.Strategy;
        queue.RingTimeoutSeconds = model.RingTimeoutSeconds;
        queue.MaxWaitSeconds = model.MaxWaitSeconds;
        queue.WrapUpSeconds = model.WrapUpSeconds;
        queue.OverflowTargetType = model.OverflowTargetType;
        queue.OverflowTarget = RouteTargets.Normalize(model.OverflowTargetType, model.OverflowTarget);
        queue.JoinWhenEmpty = model.JoinWhenEmpty;
        queue.LeaveWhenEmpty = model.LeaveWhenEmpty;
        queue.AnnouncePosition = model.AnnouncePosition;
        queue.AnnounceIntervalSeconds = model.AnnounceIntervalSeconds;
        queue.OfferCallback = model.OfferCallback;
        // Validated already: stored in canonical form, null when empty (always open).
        BusinessHours.TryParse(model.BusinessHours, out var hours, out _);
        queue.BusinessHours = hours?.ToString();
        queue.RecordingRule = model.RecordingRule;
        queue.RecordingNumbers = model.RecordingRule == RecordingRule.Selective
            ? string.Join(',', SplitNumbers(model.RecordingNumbers))
            : null;

        var groupIds = model.GroupIds.Distinct().ToList();
        queue.Groups.RemoveAll(g => !groupIds.Contains(g.GroupId));
        foreach (var groupId in groupIds.Where(id => queue.Groups.All(g => g.GroupId != id)))
        {
            queue.Groups.Add(new QueueGroup { QueueId = queue.Id, GroupId = groupId });
        }

        var skills = model.RequiredSkills.DistinctBy(s => s.SkillId).ToList();
        queue.RequiredSkills.RemoveAll(r => skills.All(s => s.SkillId != r.SkillId));
        foreach (var input in skills)
        {
            var requirement = queue.RequiredSkills.FirstOrDefault(r => r.SkillId == input.SkillId);
            if (requirement is null)
            {
                queue.RequiredSkills.Add(new QueueSkillRequirement { QueueId = queue.Id, SkillId = input.SkillId, MinLevel = input.Level });
            }
            else
            {
                requirement.MinLevel = input.Level;
            }
        }
    }

    internal static IEnumerable<string> SplitNumbers(string? numbers) =>
        (numbers ?? "").Split([',', '\n', '\r', ' ', '，', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
