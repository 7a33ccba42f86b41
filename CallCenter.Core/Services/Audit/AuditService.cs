using CallCenter.Core.Data;
using CallCenter.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Core.Services.Audit;

/// <summary>Writes and reads the audit log (审计日志).</summary>
public sealed class AuditService(IDbContextFactory<CallCenterDbContext> contextFactory, TimeProvider timeProvider)
{
    public const int MaxPageSize = 500;

    /// <summary>
    /// Adds an audit row to <paramref name="db"/> without saving, so it is written by the same
    /// SaveChanges as the change it describes: a change is never saved without its audit row.
    /// </summary>
    public AuditLogEntry Add(
        CallCenterDbContext db,
        string actor,
        string action,
        string? entityType,
        string? entityId,
        string? details,
        string? remoteAddress)
    {
        ArgumentNullException.ThrowIfNull(db);
        var entry = new AuditLogEntry
        {
            At = timeProvider.GetUtcNow(),
            Actor = actor,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Details = details,
            RemoteAddress = remoteAddress,
        };
        db.AuditLog.Add(entry);
        return entry;
    }

    /// <summary>Writes an audit row on its own, for events that change nothing else (e.g. a recording played).</summary>
    public async Task WriteAsync(
        string actor,
        string action,
        string? entityType,
        string? entityId,
        string? details,
        string? remoteAddress,
        CancellationToken cancellationToken = default)
    {
        var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            Add(db, actor, action, entityType, entityId, details, remoteAddress);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var pageSize = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var page = Math.Max(0, query.Page);

        var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var rows = db.AuditLog.AsNoTracking();
            if (!string.IsNullOrWhiteSpace(query.Actor))
            {
                var actor = query.Actor.Trim();
                rows = rows.Where(e => e.Actor.Contains(actor));
            }
            if (!string.IsNullOrWhiteSpace(query.Action))
            {
                var action = query.Action.Trim();
                rows = rows.Where(e => e.Action.Contains(action));
            }
            if (!string.IsNullOrWhiteSpace(query.EntityType))
            {
                rows = rows.Where(e => e.EntityType == query.EntityType);
            }
            if (!string.IsNullOrWhiteSpace(query.EntityId))
            {
                rows = rows.Where(e => e.EntityId == query.EntityId);
            }
            if (query.From is { } from)
            {
                rows = rows.Where(e => e.At >= from);
            }
            if (query.To is { } to)
            {
                rows = rows.Where(e => e.At < to);
            }

            var total = await rows.CountAsync(cancellationToken).ConfigureAwait(false);
            // Ids grow with time, and ordering by them avoids sorting a converted time column.
            var items = await rows
                .OrderByDescending(e => e.Id)
                .Skip(page * pageSize)
                .Take(pageSize)
                .ToListAsync(cancellationToken)
                .ConfigureAwait(false);
            return new AuditPage(items, total);
        }
    }
}
