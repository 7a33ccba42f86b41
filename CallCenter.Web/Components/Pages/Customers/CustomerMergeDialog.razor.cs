using CallCenter.Core.Services.Admin;
using CallCenter.Core.Services.Customers;

using Microsoft.AspNetCore.Components;

using MudBlazor;

namespace CallCenter.Web.Components.Pages.Customers;

/// <summary>Picks a duplicate by search and, once confirmed, merges it into the page's customer (合并重复客户).</summary>
public partial class CustomerMergeDialog
{
    private CustomerDetail? _survivor;
    private CustomerSummary? _duplicate;
    private bool _saving;
    private bool _notFound;

    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;
    [Inject] private CustomerService Customers { get; set; } = default!;

    /// <summary>The customer that stays.</summary>
    [Parameter, EditorRequired] public Guid SurvivorId { get; set; }

    /// <inheritdoc />
    protected override async Task OnInitializedAsync() => _survivor = await Customers.GetAsync(SurvivorId);

    private async Task<IEnumerable<CustomerSummary>> SearchAsync(string? text, CancellationToken cancellationToken)
    {
        var page = await Customers.SearchAsync(text, 0, 10, cancellationToken);
        return page.Items.Where(c => c.Id != SurvivorId);
    }

    private static string Describe(CustomerSummary? customer) =>
        customer is null ? "" : $"{customer.Name} {string.Join(" ", customer.Phones)}".Trim();

    private async Task ConfirmAsync()
    {
        _saving = true;
        try
        {
            var result = await Customers.MergeAsync(SurvivorId, _duplicate!.Id, await GetActorAsync());
            Errors = result.Errors;
            _notFound = result.Status == AdminResultStatus.NotFound;
            if (result.Succeeded)
            {
                Dialog.Close(DialogResult.Ok(result.Id));
            }
        }
        finally
        {
            _saving = false;
        }
    }
}
