using CallCenter.Web.Components.Shared.Customers;

using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

using MudBlazor;

namespace CallCenter.Web.Components.Pages.Customers;

/// <summary>A customer's page: the card, a new service record, the whole history, and merging a duplicate into it.</summary>
public partial class CustomerDetailPage
{
    private CustomerCard? _card;
    private CustomerHistory? _history;

    [Inject] private IStringLocalizer<CustomerResource> L { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    /// <summary>The customer (route).</summary>
    [Parameter] public Guid Id { get; set; }

    private Task ReloadHistoryAsync() => _history?.ReloadAsync() ?? Task.CompletedTask;

    private async Task MergeAsync()
    {
        var parameters = new DialogParameters<CustomerMergeDialog> { { d => d.SurvivorId, Id } };
        var options = new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, BackdropClick = false };
        var dialog = await Dialogs.ShowAsync<CustomerMergeDialog>(L["Merge_Button"], parameters, options);
        var result = await dialog.Result;
        if (result is { Canceled: false })
        {
            Snackbar.Add(L["Merge_Done"], Severity.Success);
            if (_card is not null)
            {
                await _card.ReloadAsync();
            }
            await ReloadHistoryAsync();
        }
    }
}
