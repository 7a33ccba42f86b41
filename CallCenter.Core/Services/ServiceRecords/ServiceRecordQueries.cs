using CallCenter.Core.Data;
using CallCenter.Core.Services.Customers;

using Microsoft.EntityFrameworkCore;

namespace CallCenter.Core.Services.ServiceRecords;

/// <summary>The service-record list shared by the record service and the customer history.</summary>
internal static class ServiceRecordQueries
{
    public static async Task<IReadOnlyList<ServiceRecordEntry>> ListAsync(
        CallCenterDbContext db, Guid customerId, int limit, RecordingVisibility visibility, CancellationToken cancellationToken)
    {
        var rows = await db.ServiceRecords.AsNoTracking()
            .Where(s => s.CustomerId == customerId)
            .OrderByDescending(s => s.CreatedAt)
            .Take(limit)
            .Select(s => new
            {
                s.Id,
                s.CustomerId,
                s.CallId,
                AgentName = s.Agent != null ? s.Agent.Name : null,
                s.Category,
                s.Content,
                s.Status,
                s.FollowUpAt,
                s.CreatedAt,
                s.UpdatedAt,
                s.Version,
                RecordingId = s.Call != null && s.Call.Recording != null && s.Call.Recording.DeletedAt == null ? s.Call.RecordingId : null,
                RecordingAgentId = s.Call != null && s.Call.Recording != null ? s.Call.Recording.AgentId : null,
            })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(r => new ServiceRecordEntry(
            r.Id, r.CustomerId, r.CallId, r.AgentName, r.Category, r.Content, r.Status, r.FollowUpAt, r.CreatedAt, r.UpdatedAt,
            r.RecordingId, visibility.CanPlay(r.RecordingId, r.RecordingAgentId), r.Version)).ToList();
    }
}
