using CallCenter.Core.Data;
using CallCenter.Core.Domain;
using CallCenter.Core.Services.Admin;
using CallCenter.Core.Services.Audit;

using Microsoft.EntityFrameworkCore;

namespace CallCenter.Core.Services.Customers;

/// <summary>
/// Customers (客户): search, the card, create (also from a screen pop, linked to the call in the same save), edit with
/// optimistic concurrency, merge of duplicates, and the contact history. Every change is audited in its own SaveChanges.
/// </summary>
public sealed partial class CustomerService(
    IDbContextFactory<CallCenterDbContext> contextFactory,
    AuditService audit,
    TimeProvider timeProvider)
{
    /// <summary>
    /// Customers whose name, company or tags contain <paramref name="text"/>, or one of whose numbers contains its
    /// digits (so a prefix or any part of a number finds it; "138-0013" is read as 1380013); all when empty.
    /// Newest first.
    /// </summary>
    /// <param name="text">What to look for.</param>
    /// <param name="page">Zero-based page.</param>
    /// <param name="pageSize">Rows per page (1 to <see cref="CustomerRules.MaxPageSize"/>).</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<CustomerSearchPage> SearchAsync(string? text, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        pageSize = Math.Clamp(pageSize, 1, CustomerRules.MaxPageSize);
        page = Math.Max(0, page);
        var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var customers = db.Customers.AsNoTracking();
            var term = text?.Trim() ?? "";
            if (term.Length > 0)
            {
                var digits = CustomerRules.NormalizeNumber(term);
                customers = digits is null
                    ? customers.Where(c => c.Name.Contains(term) || (c.Company != null && c.Company.Contains(term)) || (c.Tags != null && c.Tags.Contains(term)))
                    : customers.Where(c => c.Name.Contains(term) || (c.Company != null && c.Company.Contains(term)) || (c.Tags != null && c.Tags.Contains(term))
                        || c.Phones.Any(p => p.Number.Contains(digits)));
            }

            var total = await customers.CountAsync(cancellationToken).ConfigureAwait(false);
            var rows = await customers
                .OrderByDescending(c => c.CreatedAt).ThenBy(c => c.Name)
                .Skip(page * pageSize)
                .Take(pageSize)
                .Select(c => new { c.Id, c.Name, c.Company, c.Tags, c.IsVip, c.IsMalicious, c.CreatedAt, Phones = c.Phones.Select(p => p.Number).ToList() })
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var items = rows.Select(c => new CustomerSummary(c.Id, c.Name, c.Company, c.Phones, CustomerRules.SplitTags(c.Tags), c.IsVip, c.IsMalicious, c.CreatedAt))
                .ToList();
            return new CustomerSearchPage(items, total);
        }
    }

    /// <summary>The customer's card, or null when there is no such customer.</summary>
    public async Task<CustomerDetail?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var c = await db.Customers.AsNoTracking().Include(x => x.Phones)
                .FirstOrDefaultAsync(x => x.Id == id, cancellationToken).ConfigureAwait(false);
            return c is null ? null : new CustomerDetail
            {
                Id = c.Id,
                Name = c.Name,
                Company = c.Company,
                Address = c.Address,
                Email = c.Email,
                Tags = CustomerRules.SplitTags(c.Tags),
                IsVip = c.IsVip,
                IsMalicious = c.IsMalicious,
                Notes = c.Notes,
                Phones = c.Phones.OrderBy(p => p.Kind).ThenBy(p => p.Number).Select(p => new CustomerPhoneDetail(p.Number, p.Kind)).ToList(),
                CreatedAt = c.CreatedAt,
                UpdatedAt = c.UpdatedAt,
                Version = c.Version,
            };
        }
    }

    /// <summary>
    /// Creates a customer. With <paramref name="linkCallId"/> (the screen pop's new customer) that call is linked to
    /// it in the same SaveChanges, so the customer never exists without the link, nor the link without the customer.
    /// Audited as "customer.create".
    /// </summary>
    /// <param name="model">The form; errors come back keyed by its property names.</param>
    /// <param name="actor">Who creates it.</param>
    /// <param name="linkCallId">A call to link (its CustomerId is set); an unknown call is an error on "CallId".</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    public async Task<AdminResult> CreateAsync(CustomerEditModel model, AdminActor actor, Guid? linkCallId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(actor);
        var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var errors = Validate(model, out var phones);
            Call? call = null;
            if (linkCallId is { } callId)
            {
                call = await db.Calls.FirstOrDefaultAsync(c => c.Id == callId, cancellationToken).ConfigureAwait(false);
                if (call is null)
                {
                    errors["CallId"] = CustomerErrorCodes.UnknownCall;
                }
            }
            if (errors.Count > 0)
            {
                return AdminResult.Invalid(errors);
            }

            var now = timeProvider.GetUtcNow();
            var customer = new Customer { CreatedAt = now, UpdatedAt = now };
            db.Customers.Add(customer);
            Apply(db, customer, model, phones);
            if (call is not null)
            {
                call.CustomerId = customer.Id;
            }
            audit.Add(db, actor.UserName, "customer.create", nameof(Customer), customer.Id.ToString(),
                $"name={customer.Name}; phones={string.Join(',', phones.Select(p => p.Number))}" + (call is null ? "" : $"; call={call.Id}"),
                actor.RemoteAddress);
            return await AdminSave.SaveAsync(db, customer.Id, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Saves an edit. A customer changed by someone else since <see cref="CustomerEditModel.Version"/> is a conflict
    /// and nothing is written. Audited as "customer.update".
    /// </summary>
    public async Task<AdminResult> UpdateAsync(CustomerEditModel model, AdminActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(actor);
        var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var customer = await db.Customers.Include(c => c.Phones).FirstOrDefaultAsync(c => c.Id == model.Id, cancellationToken).ConfigureAwait(false);
            if (customer is null)
            {
                return AdminResult.NotFound();
            }
            if (customer.Version != model.Version)
            {
                return AdminResult.Conflict();
            }
            AdminSave.ExpectVersion(db.Entry(customer), model.Version);
            var errors = Validate(model, out var phones);
            if (errors.Count > 0)
            {
                return AdminResult.Invalid(errors);
            }
            Apply(db, customer, model, phones);
            customer.UpdatedAt = timeProvider.GetUtcNow();
            audit.Add(db, actor.UserName, "customer.update", nameof(Customer), customer.Id.ToString(),
                $"name={customer.Name}; phones={string.Join(',', phones.Select(p => p.Number))}; vip={customer.IsVip}; malicious={customer.IsMalicious}",
                actor.RemoteAddress);
            return await AdminSave.SaveAsync(db, customer.Id, cancellationToken).ConfigureAwait(false);
        }
    }

    private static void Apply(CallCenterDbContext db, Customer customer, CustomerEditModel model, IReadOnlyList<CustomerPhoneDetail> phones)
    {
        customer.Name = model.Name.Trim();
        customer.Company = Blank(model.Company);
        customer.Address = Blank(model.Address);
        customer.Email = Blank(model.Email);
        customer.Tags = CustomerRules.NormalizeTags(model.Tags);
        customer.IsVip = model.IsVip;
        customer.IsMalicious = model.IsMalicious;
        customer.Notes = Blank(model.Notes);

        customer.Phones.RemoveAll(p => phones.All(n => n.Number != p.Number));
        foreach (var phone in phones)
        {
            var existing = customer.Phones.FirstOrDefault(p => p.Number == phone.Number);
            if (existing is null)
            {
                // Added explicitly: a new row with its key already set, reached through a tracked parent, would be taken for an existing one.
                db.CustomerPhones.Add(new CustomerPhone { CustomerId = customer.Id, Customer = customer, Number = phone.Number, Kind = phone.Kind });
            }
            else
            {
                existing.Kind = phone.Kind;
            }
        }
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
