using CallCenter.Core.Services.Notices;
using CallCenter.Web.Hosting.Users;

using Microsoft.AspNetCore.Components;

namespace CallCenter.Web.Components.Pages.Notices;

/// <summary>
/// A component that refreshes when notices change: it subscribes to <see cref="NoticeNotifier"/> after its first
/// interactive render (a prerender has no circuit to push to), handles each change on its renderer through
/// InvokeAsync, and drops the subscription with the component.
/// </summary>
public abstract class NoticeSubscriberBase : ComponentBase, IDisposable
{
    private IDisposable? _subscription;

    [Inject] protected NoticeNotifier Notifier { get; set; } = default!;
    [Inject] protected NoticeService Notices { get; set; } = default!;
    [Inject] protected CurrentUserService CurrentUsers { get; set; } = default!;

    /// <summary>Reloads after a change; returns whether anything on screen may have changed.</summary>
    protected abstract Task<bool> RefreshAsync(NoticeChange change);

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender && RendererInfo.IsInteractive)
        {
            _subscription = Notifier.Subscribe(change => InvokeAsync(async () =>
            {
                if (await RefreshAsync(change))
                {
                    StateHasChanged();
                }
            }));
        }
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        GC.SuppressFinalize(this);
    }
}
