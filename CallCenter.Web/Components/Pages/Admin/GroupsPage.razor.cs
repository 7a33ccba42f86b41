using CallCenter.Core.Services.Admin;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CallCenter.Web.Components.Pages.Admin;

/// <summary>坐席组: agent groups and their members.</summary>
public partial class GroupsPage
{
    private IReadOnlyList<AgentGroupSummary> _groups = [];

    [Inject] private AgentGroupService GroupService { get; set; } = default!;

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync() => _groups = await GroupService.ListAsync();

    private async Task EditAsync(Guid? groupId)
    {
        var parameters = new DialogParameters<GroupEditDialog>
        {
            { d => d.Actor, await GetActorAsync() },
            { d => d.GroupId, groupId },
        };
        if (await ShowEditAsync(groupId is null ? "Groups_Create" : "Groups_Edit", parameters))
        {
            await LoadAsync();
        }
    }

    private async Task DeleteAsync(Guid groupId)
    {
        if (await Dialogs.ShowMessageBoxAsync(L["Delete"], L["ConfirmDelete"], L["Delete"], cancelText: L["Cancel"]) != true)
        {
            return;
        }
        // Delete from the version on screen now, so a group changed meanwhile is reported, not deleted.
        var current = await GroupService.GetAsync(groupId);
        if (current is not null)
        {
            Report(await GroupService.DeleteAsync(groupId, current.Version, await GetActorAsync()));
        }
        await LoadAsync();
    }
}
