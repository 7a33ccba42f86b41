using CallCenter.Core.Services.Admin;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CallCenter.Web.Components.Pages.Admin;

/// <summary>队列: ACD queues.</summary>
public partial class QueuesPage
{
    private IReadOnlyList<QueueSummary> _queues = [];

    [Inject] private QueueService QueueService { get; set; } = default!;

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync() => _queues = await QueueService.ListAsync();

    private async Task EditAsync(Guid? queueId)
    {
        var parameters = new DialogParameters<QueueEditDialog>
        {
            { d => d.Actor, await GetActorAsync() },
            { d => d.QueueId, queueId },
        };
        if (await ShowEditAsync(queueId is null ? "Queues_Create" : "Queues_Edit", parameters))
        {
            await LoadAsync();
        }
    }

    private async Task DeleteAsync(Guid queueId)
    {
        if (await Dialogs.ShowMessageBoxAsync(L["Delete"], L["ConfirmDelete"], L["Delete"], cancelText: L["Cancel"]) != true)
        {
            return;
        }
        var current = await QueueService.GetAsync(queueId);
        if (current is not null)
        {
            Report(await QueueService.DeleteAsync(queueId, current.Version, await GetActorAsync()));
        }
        await LoadAsync();
    }
}
