using CallCenter.Core.Services.Customers;

using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace CallCenter.Web.Components.Pages.Customers;

/// <summary>客户: search by name, any part of a number, company or tag; paged, newest first.</summary>
public partial class CustomersPage
{
    /// <summary>Rows per page.</summary>
    public const int PageSize = 20;

    private static readonly CustomerSearchPage NoRows = new([], 0);

    private CustomerSearchPage _page = NoRows;
    private int _pageIndex;
    private string? _search;
    private bool _loading;

    [Inject] private IStringLocalizer<CustomerResource> L { get; set; } = default!;
    [Inject] private CustomerService Customers { get; set; } = default!;

    private int PageCount => (_page.Total + PageSize - 1) / PageSize;

    /// <inheritdoc />
    protected override Task OnInitializedAsync() => LoadAsync();

    // Called once typing pauses (the field's debounce), and when the field is cleared.
    private Task SearchAsync(string? text)
    {
        _search = text;
        _pageIndex = 0;
        return LoadAsync();
    }

    private Task GoToAsync(int page)
    {
        _pageIndex = page - 1;
        return LoadAsync();
    }

    private async Task LoadAsync()
    {
        _loading = true;
        try
        {
            _page = await Customers.SearchAsync(_search, _pageIndex, PageSize);
        }
        finally
        {
            _loading = false;
        }
    }
}
