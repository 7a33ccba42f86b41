using CallCenter.Core.Services.Audit;
using Microsoft.AspNetCore.Components;

namespace CallCenter.Web.Components.Pages.Admin;

/// <summary>审计日志: who changed what, filtered by user, action and date, a page at a time.</summary>
public partial class AuditLogPage
{
    internal const int PageSize = 50;

    private AuditPage _page = new([], 0);
    private string? _actor;
    private string? _action;
    private DateTime? _from;
    private DateTime? _to;
    /// <summary>One-based, as MudPagination counts.</summary>
    private int _pageNumber = 1;

    [Inject] private AuditService Audit { get; set; } = default!;

    private int PageCount => Math.Max(1, (_page.TotalCount + PageSize - 1) / PageSize);

    protected override Task OnInitializedAsync() => LoadAsync();

    private Task SearchAsync()
    {
        _pageNumber = 1;
        return LoadAsync();
    }

    private Task GoToPageAsync(int pageNumber)
    {
        _pageNumber = pageNumber;
        return LoadAsync();
    }

    private async Task LoadAsync()
    {
        // The pickers give local calendar days; the end day is included whole.
        _page = await Audit.QueryAsync(new AuditQuery
        {
            Actor = _actor,
            Action = _action,
            From = _from is { } from ? new DateTimeOffset(from.Date, TimeZoneInfo.Local.GetUtcOffset(from.Date)) : null,
            To = _to is { } to ? new DateTimeOffset(to.Date.AddDays(1), TimeZoneInfo.Local.GetUtcOffset(to.Date.AddDays(1))) : null,
            Page = _pageNumber - 1,
            PageSize = PageSize,
        });
    }
}
