using CallCenter.Core.Data;
using CallCenter.Core.Domain;
using CallCenter.Core.Services.Admin;
using CallCenter.Core.Services.Audit;
using CallCenter.Core.Services.Customers;
using CallCenter.Core.Services.Recordings;

using Microsoft.EntityFrameworkCore;

namespace CallCenter.Core.Services.ServiceRecords;

/// <summary>Service records (受理记录): what a customer asked for and what was done, linked to the call and its recording.</summary>
public sealed class ServiceRecordService(
    IDbContextFactory<CallCenterDbContext> contextFactory,
    AuditService audit,
    TimeProvider timeProvider)
{
    /// <summary>Longest content.</summary>
    public const int ContentMaxLength = 2000;

    /// <summary>A customer's records, newest first, each with its call's recording and whether <paramref name="viewer"/> may play it.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="viewer">Who looks (null: nobody may play anything).</param>
    /// <param name="limit">At most this many (1 to <see cref="CustomerRules.MaxHistory"/>).</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<IReadOnlyList<ServiceRecordEntry>> ListForCustomerAsync(
        Guid customerId, RecordingViewer? viewer, int limit = 50, CancellationToken cancellationToken = default)
    {
        var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var visibility = await RecordingVisibility.ForAsync(db, viewer, cancellationToken).ConfigureAwait(false);
            return await ServiceRecordQueries.ListAsync(db, customerId, Math.Clamp(limit, 1, CustomerRules.MaxHistory), visibility, cancellationToken)
                .ConfigureAwait(false);
        }
    }

    /// <summary>Writes a new record; audited as "service-record.create".</summary>
    public async Task<AdminResult> CreateAsync(ServiceRecordEditModel model, AdminActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(actor);
        var now = timeProvider.GetUtcNow();
        var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var errors = Validate(model, now, checkFollowUp: true);
            if (!await db.Customers.AnyAsync(c => c.Id == model.CustomerId, cancellationToken).ConfigureAwait(false))
            {
                errors[nameof(model.CustomerId)] = CustomerErrorCodes.UnknownCustomer;
            }
            if (model.CallId is { } callId && !await db.Calls.AnyAsync(c => c.Id == callId, cancellationToken).ConfigureAwait(false))
            {
                errors[nameof(model.CallId)] = CustomerErrorCodes.UnknownCall;
            }
            if (model.AgentId is { } agentId && !await db.Agents.AnyAsync(a => a.Id == agentId, cancellationToken).ConfigureAwait(false))
            {
                errors[nameof(model.AgentId)] = CustomerErrorCodes.UnknownAgent;
            }
            if (errors.Count > 0)
            {
                return AdminResult.Invalid(errors);
            }

            var record = new ServiceRecord
            {
                CustomerId = model.CustomerId,
                CallId = model.CallId,
                AgentId = model.AgentId,
                Category = ServiceRecordCategories.Normalize(model.Category)!,
                Content = model.Content.Trim(),
                Status = model.Status,
                FollowUpAt = model.FollowUpAt,
                CreatedAt = now,
                UpdatedAt = now,
            };
            db.ServiceRecords.Add(record);
            audit.Add(db, actor.UserName, "service-record.create", nameof(ServiceRecord), record.Id.ToString(),
                $"customer={record.CustomerId}; call={record.CallId}; category={record.Category}; status={record.Status}", actor.RemoteAddress);
            return await AdminSave.SaveAsync(db, record.Id, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Changes a record's status, content and follow-up time; a record changed by someone else since
    /// <see cref="ServiceRecordEditModel.Version"/> is a conflict and nothing is written. Audited as "service-record.update".
    /// </summary>
    public async Task<AdminResult> UpdateAsync(ServiceRecordEditModel model, AdminActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(actor);
        var now = timeProvider.GetUtcNow();
        var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var record = await db.ServiceRecords.FirstOrDefaultAsync(s => s.Id == model.Id, cancellationToken).ConfigureAwait(false);
            if (record is null)
            {
                return AdminResult.NotFound();
            }
            if (record.Version != model.Version)
            {
                return AdminResult.Conflict();
            }
            AdminSave.ExpectVersion(db.Entry(record), model.Version);

            // A follow-up time that passed while the record stayed open must not block closing it.
            var errors = Validate(model, now, checkFollowUp: model.FollowUpAt != record.FollowUpAt, checkCategory: false);
            if (errors.Count > 0)
            {
                return AdminResult.Invalid(errors);
            }
            var before = record.Status;
            record.Status = model.Status;
            record.Content = model.Content.Trim();
            record.FollowUpAt = model.FollowUpAt;
            record.UpdatedAt = now;
            audit.Add(db, actor.UserName, "service-record.update", nameof(ServiceRecord), record.Id.ToString(),
                $"status={before}->{record.Status}; follow-up={record.FollowUpAt:O}", actor.RemoteAddress);
            return await AdminSave.SaveAsync(db, record.Id, cancellationToken).ConfigureAwait(false);
        }
    }

    private static Dictionary<string, string> Validate(ServiceRecordEditModel model, DateTimeOffset now, bool checkFollowUp, bool checkCategory = true)
    {
        var errors = new Dictionary<string, string>();
        if (checkCategory)
        {
            if (string.IsNullOrWhiteSpace(model.Category))
            {
                errors[nameof(model.Category)] = CustomerErrorCodes.Required;
            }
            else if (ServiceRecordCategories.Normalize(model.Category) is null)
            {
                errors[nameof(model.Category)] = CustomerErrorCodes.UnknownCategory;
            }
        }
        var content = model.Content?.Trim() ?? "";
        if (content.Length == 0)
        {
            errors[nameof(model.Content)] = CustomerErrorCodes.Required;
        }
        else if (content.Length > ContentMaxLength)
        {
            errors[nameof(model.Content)] = CustomerErrorCodes.TooLong;
        }
        if (!Enum.IsDefined(model.Status))
        {
            errors[nameof(model.Status)] = CustomerErrorCodes.UnknownStatus;
        }
        if (checkFollowUp && model.FollowUpAt is { } followUp && followUp < now)
        {
            errors[nameof(model.FollowUpAt)] = CustomerErrorCodes.FollowUpInPast;
        }
        return errors;
    }
}
