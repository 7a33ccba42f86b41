using CallCenter.Core.Services.Notices;

using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace CallCenter.Web.Components.Pages.Notices;

/// <summary>业务通知: the signed-in user's notices, unread first, updated live.</summary>
public partial class NoticeInboxPage
{
    private IReadOnlyList<NoticeInboxItem> _items = [];
    private Guid? _userId;
    private bool _mayManage;
    private bool _loaded;
    private int _loads;

    [Inject] private IStringLocalizer<NoticeResource> L { get; set; } = default!;

    private int UnreadCount => _items.Count(i => !i.IsRead);

    protected override async Task OnInitializedAsync()
    {
        var user = await CurrentUsers.GetAsync();
        _userId = user?.UserId;
        _mayManage = user?.IsLeaderOrAbove == true;
        await LoadAsync();
    }

    protected override async Task<bool> RefreshAsync(NoticeChange change)
    {
        if (_userId is null || (change.Kind == NoticeChangeKind.Read && change.UserId != _userId))
        {
            return false;
        }
        await LoadAsync();
        return true;
    }

    // A load started earlier (the first one, still running when a change arrives) must not overwrite a later one.
    private async Task LoadAsync()
    {
        var load = ++_loads;
        IReadOnlyList<NoticeInboxItem> items = _userId is { } userId ? await Notices.InboxAsync(userId) : [];
        if (load == _loads)
        {
            _items = items;
            _loaded = true;
        }
    }
}
