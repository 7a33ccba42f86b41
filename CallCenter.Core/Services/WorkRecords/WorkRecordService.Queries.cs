using CallCenter.Core.Data;
using CallCenter.Core.Domain;

using Microsoft.EntityFrameworkCore;

namespace CallCenter.Core.Services.WorkRecords;

public sealed partial class WorkRecordService
{
    private static async Task<IReadOnlyList<WorkDayCall>> LoadCallsAsync(
        CallCenterDbContext db, Guid agentId, DateTimeOffset start, DateTimeOffset end, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var rows = await db.Calls.AsNoTracking()
            .Where(c => c.AgentId == agentId && c.OfferedAt >= start && c.OfferedAt < end)
            .Select(c => new
            {
                c.Id,
                c.OfferedAt,
                c.Direction,
                c.CallerNumber,
                c.DialledNumber,
                CustomerName = c.Customer == null ? null : c.Customer.Name,
                QueueName = c.Queue == null ? null : (c.Queue.DisplayName == "" ? c.Queue.Name : c.Queue.DisplayName),
                c.WaitSeconds,
                c.TalkSeconds,
                Answered = c.AnsweredAt != null,
                c.EndCause,
                c.RecordingId,
                AgentExtension = c.Agent!.Extension,
            })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows
            .OrderBy(c => c.OfferedAt)
            .Select(c => new WorkDayCall(
                c.Id,
                TimeZoneInfo.ConvertTime(c.OfferedAt, zone),
                c.Direction,
                // The other party: who called in, whom the agent dialled; on an internal call whichever is not the agent.
                c.Direction == CallDirection.Outbound || (c.Direction == CallDirection.Internal && c.CallerNumber == c.AgentExtension)
                    ? c.DialledNumber
                    : c.CallerNumber,
                c.CustomerName,
                c.QueueName,
                c.WaitSeconds,
                c.TalkSeconds,
                c.Answered,
                c.EndCause,
                c.RecordingId))
            .ToList();
    }

    private static async Task<IReadOnlyList<WorkDayInterval>> LoadIntervalsAsync(
        CallCenterDbContext db, Guid agentId, DateTimeOffset start, DateTimeOffset end, DateTimeOffset now, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var rows = await db.AgentStateIntervals.AsNoTracking()
            .Where(i => i.AgentId == agentId && i.StartedAt < end && (i.EndedAt == null || i.EndedAt > start))
            .Select(i => new { i.State, i.Reason, i.StartedAt, i.EndedAt })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        // An open interval lasts until now; nothing of the day lies after now.
        var limit = now < end ? now : end;
        return rows
            .Select(i =>
            {
                var from = i.StartedAt > start ? i.StartedAt : start;
                var until = i.EndedAt ?? now;
                until = until < limit ? until : limit;
                return new { i.State, i.Reason, From = from, Until = until, IsOpen = i.EndedAt is null };
            })
            .Where(i => i.Until > i.From)
            .OrderBy(i => i.From)
            .Select(i => new WorkDayInterval(i.State, i.Reason, TimeZoneInfo.ConvertTime(i.From, zone), TimeZoneInfo.ConvertTime(i.Until, zone), i.IsOpen))
            .ToList();
    }

    private static async Task<IReadOnlyList<WorkDayServiceRecord>> LoadServiceRecordsAsync(
        CallCenterDbContext db, Guid agentId, DateTimeOffset start, DateTimeOffset end, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var rows = await db.ServiceRecords.AsNoTracking()
            .Where(s => s.AgentId == agentId && s.CreatedAt >= start && s.CreatedAt < end)
            .Select(s => new { s.Id, s.CreatedAt, CustomerName = s.Customer!.Name, s.Category, s.Content, s.Status, s.CallId })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows
            .OrderBy(s => s.CreatedAt)
            .Select(s => new WorkDayServiceRecord(s.Id, TimeZoneInfo.ConvertTime(s.CreatedAt, zone), s.CustomerName, s.Category, s.Content, s.Status, s.CallId))
            .ToList();
    }
}
