using CallCenter.Core.Data;
using CallCenter.Core.Domain;
using CallCenter.Core.Services.Admin;

using Microsoft.EntityFrameworkCore;

namespace CallCenter.Core.Services.Customers;

public sealed partial class CustomerService
{
    /// <summary>
    /// Merges a duplicate into the survivor, all in one transaction: the duplicate's numbers the survivor lacks, its
    /// calls (and so their recordings and voicemails, which hang on the call), service records and SMS messages move
    /// to the survivor; the survivor's empty fields are filled from the duplicate, and VIP or nuisance flags of
    /// either are kept; then the duplicate is deleted. Audited as "customer.merge" on the survivor.
    /// </summary>
    /// <param name="survivorId">The customer that stays.</param>
    /// <param name="duplicateId">The customer merged into it and deleted.</param>
    /// <param name="actor">Who merges.</param>
    /// <param name="cancellationToken">Cancels the merge (nothing is kept).</param>
    public async Task<AdminResult> MergeAsync(Guid survivorId, Guid duplicateId, AdminActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (survivorId == duplicateId)
        {
            return AdminResult.Invalid("DuplicateId", CustomerErrorCodes.SameCustomer);
        }
        var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            // SQL Server retries transient faults; a transaction of our own must run inside its strategy.
            var strategy = db.Database.CreateExecutionStrategy();
            return await strategy.ExecuteAsync(
                (survivorId, duplicateId, actor),
                (context, state, ct) => MergeInTransactionAsync((CallCenterDbContext)context, state.survivorId, state.duplicateId, state.actor, ct),
                verifySucceeded: null,
                cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<AdminResult> MergeInTransactionAsync(CallCenterDbContext db, Guid survivorId, Guid duplicateId, AdminActor actor, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            var survivor = await db.Customers.FirstOrDefaultAsync(c => c.Id == survivorId, cancellationToken).ConfigureAwait(false);
            var duplicate = await db.Customers.FirstOrDefaultAsync(c => c.Id == duplicateId, cancellationToken).ConfigureAwait(false);
            if (survivor is null || duplicate is null)
            {
                return AdminResult.NotFound();
            }

            var survivorNumbers = await db.CustomerPhones.Where(p => p.CustomerId == survivorId).Select(p => p.Number)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var phones = await db.CustomerPhones.Where(p => p.CustomerId == duplicateId && !survivorNumbers.Contains(p.Number))
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.CustomerId, survivorId), cancellationToken).ConfigureAwait(false);
            var calls = await db.Calls.Where(c => c.CustomerId == duplicateId)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.CustomerId, survivorId), cancellationToken).ConfigureAwait(false);
            var records = await db.ServiceRecords.Where(r => r.CustomerId == duplicateId)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.CustomerId, survivorId), cancellationToken).ConfigureAwait(false);
            var sms = await db.SmsMessages.Where(m => m.CustomerId == duplicateId)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.CustomerId, (Guid?)survivorId), cancellationToken).ConfigureAwait(false);

            FillFrom(survivor, duplicate);
            survivor.UpdatedAt = timeProvider.GetUtcNow();
            // Stamp a new version even when no field was empty: an editor holding the old card must reload.
            AdminSave.ExpectVersion(db.Entry(survivor), survivor.Version);
            // The numbers the survivor already had go with the duplicate (the database cascades them).
            db.Customers.Remove(duplicate);
            audit.Add(db, actor.UserName, "customer.merge", nameof(Customer), survivor.Id.ToString(),
                $"duplicate={duplicate.Id} ({duplicate.Name}); phones={phones}; calls={calls}; service-records={records}; sms={sms}",
                actor.RemoteAddress);
            var result = await AdminSave.SaveAsync(db, survivor.Id, cancellationToken).ConfigureAwait(false);
            if (result.Succeeded)
            {
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
            return result;
        }
    }

    private static void FillFrom(Customer survivor, Customer duplicate)
    {
        survivor.Company ??= duplicate.Company;
        survivor.Address ??= duplicate.Address;
        survivor.Email ??= duplicate.Email;
        survivor.Tags ??= duplicate.Tags;
        survivor.Notes ??= duplicate.Notes;
        if (string.IsNullOrWhiteSpace(survivor.Name))
        {
            survivor.Name = duplicate.Name;
        }
        survivor.IsVip |= duplicate.IsVip;
        survivor.IsMalicious |= duplicate.IsMalicious;
    }
}
