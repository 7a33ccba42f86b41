using CallCenter.Core.Domain;
using CallCenter.Core.Services.Recordings;
using CallCenter.Core.Services.ServiceRecords;

using Microsoft.EntityFrameworkCore;

namespace CallCenter.Core.Services.Customers;

public sealed partial class CustomerService
{
    /// <summary>
    /// The customer's calls, service records and SMS, each newest first and at most <paramref name="limit"/>. Each
    /// call and record carries its recording id and whether <paramref name="viewer"/> may play it (shift leaders and
    /// above: any; an agent: its own calls'; the rule of the recording endpoint, which checks again on play).
    /// </summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="viewer">Who looks (null: nobody may play anything).</param>
    /// <param name="limit">Rows of each kind (1 to <see cref="CustomerRules.MaxHistory"/>).</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    public async Task<CustomerHistory> HistoryAsync(Guid customerId, RecordingViewer? viewer, int limit = 50, CancellationToken cancellationToken = default)
    {
        limit = Math.Clamp(limit, 1, CustomerRules.MaxHistory);
        var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var visibility = await RecordingVisibility.ForAsync(db, viewer, cancellationToken).ConfigureAwait(false);
            var calls = await db.Calls.AsNoTracking()
                .Where(c => c.CustomerId == customerId)
                .OrderByDescending(c => c.OfferedAt)
                .Take(limit)
                .Select(c => new
                {
                    c.Id,
                    c.OfferedAt,
                    c.Direction,
                    c.CallerNumber,
                    c.DialledNumber,
                    AgentName = c.Agent != null ? c.Agent.Name : null,
                    QueueName = c.Queue != null ? c.Queue.DisplayName : null,
                    c.WaitSeconds,
                    c.TalkSeconds,
                    c.EndCause,
                    c.Disposition,
                    RecordingId = c.Recording != null && c.Recording.DeletedAt == null ? c.RecordingId : null,
                    RecordingAgentId = c.Recording != null ? c.Recording.AgentId : null,
                })
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var records = await ServiceRecordQueries.ListAsync(db, customerId, limit, visibility, cancellationToken).ConfigureAwait(false);
            var sms = await db.SmsMessages.AsNoTracking()
                .Where(m => m.CustomerId == customerId)
                .OrderByDescending(m => m.CreatedAt)
                .Take(limit)
                .Select(m => new CustomerSmsEntry(m.Id, m.CreatedAt, m.Inbound, m.Number, m.Content, m.Status))
                .ToListAsync(cancellationToken).ConfigureAwait(false);

            return new CustomerHistory(
                calls.Select(c => new CustomerCallEntry(
                    c.Id, c.OfferedAt, c.Direction, c.Direction == CallDirection.Outbound ? c.DialledNumber : c.CallerNumber,
                    c.AgentName, c.QueueName, c.WaitSeconds, c.TalkSeconds, c.EndCause, c.Disposition,
                    c.RecordingId, visibility.CanPlay(c.RecordingId, c.RecordingAgentId))).ToList(),
                records,
                sms);
        }
    }
}
