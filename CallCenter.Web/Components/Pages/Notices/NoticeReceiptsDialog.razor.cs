using CallCenter.Core.Services.Notices;

using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

using MudBlazor;

namespace CallCenter.Web.Components.Pages.Notices;

/// <summary>回执: who read a notice and when, and who of its audience has not; follows new readers live.</summary>
public partial class NoticeReceiptsDialog : IDisposable
{
    private NoticeReceipts? _receipts;
    private IDisposable? _subscription;

    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;
    [Inject] private IStringLocalizer<NoticeResource> L { get; set; } = default!;
    [Inject] private NoticeService Notices { get; set; } = default!;
    [Inject] private NoticeNotifier Notifier { get; set; } = default!;

    [Parameter, EditorRequired] public NoticeActor Actor { get; set; } = default!;
    [Parameter] public Guid NoticeId { get; set; }

    protected override async Task OnInitializedAsync() => _receipts = await Notices.ReceiptsAsync(NoticeId, Actor);

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender && RendererInfo.IsInteractive)
        {
            _subscription = Notifier.Subscribe(change => change.NoticeId != NoticeId ? Task.CompletedTask : InvokeAsync(async () =>
            {
                _receipts = await Notices.ReceiptsAsync(NoticeId, Actor);
                StateHasChanged();
            }));
        }
    }

    private void Close() => Dialog.Close();

    public void Dispose()
    {
        _subscription?.Dispose();
        GC.SuppressFinalize(this);
    }
}
