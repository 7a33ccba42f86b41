using CallCenter.Core.Data;
using CallCenter.Core.Domain;
using CallCenter.Core.Services.Audit;
using CallCenter.Core.Telephony;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Core.Services.Admin;

/// <summary>Dialled numbers and where they lead: IVR flow, queue, extension, echo test...</summary>
public sealed class DialledNumberService(
    IDbContextFactory<CallCenterDbContext> contextFactory,
    AuditService audit,
    DialPlan? dialPlan = null)
{
    // A saved change drops the dial plan's snapshot, so the next INVITE routes by it at once.
    private async Task<AdminResult> SaveNumberChangeAsync(CallCenterDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var result = await AdminSave.SaveAsync(db, id, cancellationToken).ConfigureAwait(false);
        if (result.Succeeded)
        {
            dialPlan?.Invalidate();
        }
        return result;
    }

    public async Task<IReadOnlyList<DialledNumberEditModel>> ListAsync(CancellationToken cancellationToken = default)
    {
        var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            return await db.DialledNumbers.AsNoTracking().OrderBy(n => n.Number)
                .Select(n => new DialledNumberEditModel { Id = n.Id, Number = n.Number, TargetType = n.TargetType, Target = n.Target, Description = n.Description, Version = n.Version })
                .ToListAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public Task<AdminResult> CreateAsync(DialledNumberEditModel model, AdminActor actor, CancellationToken cancellationToken = default) =>
        SaveAsync(model, actor, isNew: true, cancellationToken);

    public Task<AdminResult> UpdateAsync(DialledNumberEditModel model, AdminActor actor, CancellationToken cancellationToken = default) =>
        SaveAsync(model, actor, isNew: false, cancellationToken);

    public async Task<AdminResult> DeleteAsync(Guid id, Guid version, AdminActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var number = await db.DialledNumbers.FirstOrDefaultAsync(n => n.Id == id, cancellationToken).ConfigureAwait(false);
            if (number is null)
            {
                return AdminResult.NotFound();
            }
            if (number.Version != version)
            {
                return AdminResult.Conflict();
            }
            db.Entry(number).Property(n => n.Version).OriginalValue = version;
            db.DialledNumbers.Remove(number);
            audit.Add(db, actor.UserName, "number.delete", nameof(DialledNumber), id.ToString(), $"number={number.Number}", actor.RemoteAddress);
            return await SaveNumberChangeAsync(db, id, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<AdminResult> SaveAsync(DialledNumberEditModel model, AdminActor actor, bool isNew, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(actor);
        var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            DialledNumber? number;
            if (isNew)
            {
                number = new DialledNumber();
            }
            else
            {
                number = await db.DialledNumbers.FirstOrDefaultAsync(n => n.Id == model.Id, cancellationToken).ConfigureAwait(false);
                if (number is null)
                {
                    return AdminResult.NotFound();
                }
                if (number.Version != model.Version)
                {
                    return AdminResult.Conflict();
                }
                AdminSave.ExpectVersion(db.Entry(number), model.Version);
            }

            var errors = new Dictionary<string, string>();
            var digits = model.Number.Trim();
            var ownId = isNew ? Guid.Empty : number.Id;
            if (digits.Length == 0)
            {
                errors[nameof(model.Number)] = AdminErrorCodes.Required;
            }
            else if (!AdminRules.Digits().IsMatch(digits))
            {
                errors[nameof(model.Number)] = AdminErrorCodes.NotDigits;
            }
            else if (await db.DialledNumbers.AnyAsync(n => n.Number == digits && n.Id != ownId, cancellationToken).ConfigureAwait(false))
            {
                errors[nameof(model.Number)] = AdminErrorCodes.Duplicate;
            }
            if (await RouteTargets.CheckAsync(db, model.TargetType, model.Target, cancellationToken).ConfigureAwait(false) is { } targetCode)
            {
                errors[nameof(model.Target)] = targetCode;
            }
            if (errors.Count > 0)
            {
                return AdminResult.Invalid(errors);
            }

            if (isNew)
            {
                db.DialledNumbers.Add(number);
            }
            number.Number = digits;
            number.TargetType = model.TargetType;
            number.Target = RouteTargets.Normalize(model.TargetType, model.Target);
            number.Description = string.IsNullOrWhiteSpace(model.Description) ? null : model.Description.Trim();
            audit.Add(db, actor.UserName, isNew ? "number.create" : "number.update", nameof(DialledNumber), number.Id.ToString(),
                $"number={number.Number}; target={number.TargetType}:{number.Target}", actor.RemoteAddress);
            return await SaveNumberChangeAsync(db, number.Id, cancellationToken).ConfigureAwait(false);
        }
    }
}
