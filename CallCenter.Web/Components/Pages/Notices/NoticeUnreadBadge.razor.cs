using CallCenter.Core.Services.Notices;

namespace CallCenter.Web.Components.Pages.Notices;

/// <summary>The unread-notice count in the menu, updated live when a notice is posted, expired or read.</summary>
public partial class NoticeUnreadBadge
{
    private Guid? _userId;
    private int _count;
    private int _loads;

    protected override async Task OnInitializedAsync()
    {
        _userId = (await CurrentUsers.GetAsync())?.UserId;
        await LoadAsync();
    }

    protected override async Task<bool> RefreshAsync(NoticeChange change)
    {
        // Someone else reading a notice does not change this user's count.
        if (_userId is null || (change.Kind == NoticeChangeKind.Read && change.UserId != _userId))
        {
            return false;
        }
        await LoadAsync();
        return true;
    }

    // A load started earlier must not overwrite a later one.
    private async Task LoadAsync()
    {
        var load = ++_loads;
        var count = _userId is { } userId ? await Notices.UnreadCountAsync(userId) : 0;
        if (load == _loads)
        {
            _count = count;
        }
    }
}
