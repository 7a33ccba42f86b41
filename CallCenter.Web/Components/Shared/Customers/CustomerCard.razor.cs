using CallCenter.Core.Services.Customers;

using Microsoft.AspNetCore.Components;

using MudBlazor;

namespace CallCenter.Web.Components.Shared.Customers;

/// <summary>
/// The customer card (客户卡片) of a screen pop or the customer page: name, company, numbers with click-to-dial,
/// VIP and nuisance badges, tags, notes, and an edit button opening <see cref="CustomerEditDialog"/>.
/// </summary>
public partial class CustomerCard
{
    private CustomerDetail? _customer;
    private bool _loading = true;
    private Guid _loadedId;

    [Inject] private CustomerService Customers { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;

    /// <summary>The customer to show; loaded whenever it changes.</summary>
    [Parameter, EditorRequired] public Guid CustomerId { get; set; }

    /// <summary>Raised after the customer was edited and saved here.</summary>
    [Parameter] public EventCallback<Guid> OnChanged { get; set; }

    /// <summary>Reads the customer again (after a change made elsewhere, e.g. a merge).</summary>
    public async Task ReloadAsync()
    {
        _customer = await Customers.GetAsync(CustomerId);
        _loadedId = CustomerId;
        _loading = false;
        StateHasChanged();
    }

    /// <inheritdoc />
    protected override async Task OnParametersSetAsync()
    {
        if (_loadedId != CustomerId || _loading)
        {
            _loading = true;
            _customer = await Customers.GetAsync(CustomerId);
            _loadedId = CustomerId;
            _loading = false;
        }
    }

    private async Task EditAsync()
    {
        var parameters = new DialogParameters<CustomerEditDialog> { { d => d.CustomerId, CustomerId } };
        var options = new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, BackdropClick = false };
        var dialog = await Dialogs.ShowAsync<CustomerEditDialog>(L["Customer_EditTitle"], parameters, options);
        var result = await dialog.Result;
        if (result is { Canceled: false })
        {
            await ReloadAsync();
            await OnChanged.InvokeAsync(CustomerId);
        }
    }
}
