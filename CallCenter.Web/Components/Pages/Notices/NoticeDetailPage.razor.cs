using CallCenter.Core.Services.Notices;
using CallCenter.Web.Hosting.Users;

using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace CallCenter.Web.Components.Pages.Notices;

/// <summary>One notice; opening it is reading it, so it records the user's receipt (once).</summary>
public partial class NoticeDetailPage
{
    private NoticeDetail? _notice;
    private bool _loaded;

    [Inject] private IStringLocalizer<NoticeResource> L { get; set; } = default!;
    [Inject] private NoticeService Notices { get; set; } = default!;
    [Inject] private CurrentUserService CurrentUsers { get; set; } = default!;

    [Parameter] public Guid NoticeId { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        _loaded = false;
        var user = await CurrentUsers.GetAsync();
        _notice = user is null ? null : await Notices.GetForReaderAsync(NoticeId, user.UserId);
        if (_notice is not null)
        {
            // Also while prerendering: the page was shown to the reader. A second call is a no-op.
            await Notices.MarkReadAsync(NoticeId, user!.UserId);
        }
        _loaded = true;
    }
}
