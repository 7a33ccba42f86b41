using CallCenter.Core.Services.Notices;
using CallCenter.Web.Hosting.Users;

using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

using MudBlazor;

namespace CallCenter.Web.Components.Pages.Notices;

/// <summary>
/// 通知管理: a shift leader's own notices (every notice for supervisors and above) with read counts that follow the
/// readers live; post, edit, expire, and see the receipts.
/// </summary>
public partial class NoticeManagePage
{
    private IReadOnlyList<NoticeSummary> _notices = [];
    private CurrentUser? _user;
    private int _loads;

    [Inject] private IStringLocalizer<NoticeResource> L { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private IHttpContextAccessor HttpContextAccessor { get; set; } = default!;

    /// <summary>The browser's address for the audit log, read while prerendering (the only time HttpContext is trustworthy).</summary>
    [PersistentState]
    public string? RemoteAddress { get; set; }

    protected override async Task OnInitializedAsync()
    {
        RemoteAddress ??= HttpContextAccessor.HttpContext?.Connection.RemoteIpAddress?.ToString();
        _user = await CurrentUsers.GetAsync();
        await LoadAsync();
    }

    protected override async Task<bool> RefreshAsync(NoticeChange change)
    {
        await LoadAsync();
        return true;
    }

    private NoticeActor Actor() => new(_user!.UserId, _user.UserName, _user.Roles, RemoteAddress);

    // A load started earlier (the first one, still running when a change arrives) must not overwrite a later one.
    private async Task LoadAsync()
    {
        var load = ++_loads;
        var notices = _user is null ? []
            : Actor().MayManageAll ? await Notices.ListAllAsync() : await Notices.ListForAuthorAsync(_user.UserId);
        if (load == _loads)
        {
            _notices = notices;
        }
    }

    private async Task EditAsync(Guid? noticeId)
    {
        var parameters = new DialogParameters<NoticeEditDialog>
        {
            { d => d.Actor, Actor() },
            { d => d.NoticeId, noticeId },
        };
        var options = new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, BackdropClick = false };
        var dialog = await Dialogs.ShowAsync<NoticeEditDialog>(L[noticeId is null ? "Edit_NewTitle" : "Edit_EditTitle"], parameters, options);
        var result = await dialog.Result;
        if (result is { Canceled: false })
        {
            Snackbar.Add(L["Saved"], Severity.Success);
            await LoadAsync();
        }
    }

    private async Task ShowReceiptsAsync(Guid noticeId)
    {
        var parameters = new DialogParameters<NoticeReceiptsDialog>
        {
            { d => d.Actor, Actor() },
            { d => d.NoticeId, noticeId },
        };
        await Dialogs.ShowAsync<NoticeReceiptsDialog>(L["Receipts_Title"], parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
    }

    private async Task ExpireAsync(NoticeSummary notice)
    {
        if (await Dialogs.ShowMessageBoxAsync(L["Manage_Expire"], L["Manage_ConfirmExpire"], L["Manage_Expire"], cancelText: L["Cancel"]) != true)
        {
            return;
        }
        var result = await Notices.ExpireAsync(notice.Id, notice.Version, Actor());
        switch (result.Status)
        {
            case NoticeResultStatus.Ok:
                Snackbar.Add(L["Manage_Expired"], Severity.Success);
                break;
            case NoticeResultStatus.Forbidden:
                Snackbar.Add(L["Forbidden"], Severity.Error);
                break;
            default:
                Snackbar.Add(L["Conflict"], Severity.Warning);
                break;
        }
        await LoadAsync();
    }
}
