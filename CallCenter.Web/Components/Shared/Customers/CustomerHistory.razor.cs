using CallCenter.Core.Services.Customers;
using CallCenter.Core.Services.ServiceRecords;

using Microsoft.AspNetCore.Components;

namespace CallCenter.Web.Components.Shared.Customers;

/// <summary>
/// A customer's calls, service records and SMS, newest first. A recording's player is shown only where Core says the
/// signed-in user may play it (the endpoint checks again on every request).
/// </summary>
public partial class CustomerHistory
{
    private static readonly Core.Services.Customers.CustomerHistory Empty = new([], [], []);

    private Core.Services.Customers.CustomerHistory _history = Empty;
    private (Guid Id, int Limit) _loaded;

    [Inject] private CustomerService Customers { get; set; } = default!;

    /// <summary>Whose history.</summary>
    [Parameter, EditorRequired] public Guid CustomerId { get; set; }

    /// <summary>Rows of each kind.</summary>
    [Parameter] public int Limit { get; set; } = 20;

    /// <summary>Reads the history again (after a service record was written, a merge...).</summary>
    public async Task ReloadAsync()
    {
        await LoadAsync();
        StateHasChanged();
    }

    /// <inheritdoc />
    protected override async Task OnParametersSetAsync()
    {
        if (_loaded != (CustomerId, Limit))
        {
            await LoadAsync();
        }
    }

    private async Task LoadAsync()
    {
        _history = await Customers.HistoryAsync(CustomerId, await GetViewerAsync(), Limit);
        _loaded = (CustomerId, Limit);
    }

    /// <summary>A category code in the user's language; an older free-text category as it is.</summary>
    private string CategoryText(string category) =>
        ServiceRecordCategories.Normalize(category) is { } code ? L["Category_" + code] : category;
}
