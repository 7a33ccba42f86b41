using CallCenter.Core.Services.Admin;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CallCenter.Web.Components.Pages.Admin;

/// <summary>号码与路由: dialled numbers and where they lead.</summary>
public partial class NumbersPage
{
    private IReadOnlyList<DialledNumberEditModel> _numbers = [];

    [Inject] private DialledNumberService NumberService { get; set; } = default!;

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync() => _numbers = await NumberService.ListAsync();

    private async Task EditAsync(DialledNumberEditModel? number)
    {
        var parameters = new DialogParameters<NumberEditDialog>
        {
            { d => d.Actor, await GetActorAsync() },
            { d => d.NumberId, number?.Id },
        };
        if (await ShowEditAsync(number is null ? "Numbers_Create" : "Numbers_Edit", parameters))
        {
            await LoadAsync();
        }
    }

    private async Task DeleteAsync(DialledNumberEditModel number)
    {
        if (await Dialogs.ShowMessageBoxAsync(L["Delete"], L["ConfirmDelete"], L["Delete"], cancelText: L["Cancel"]) != true)
        {
            return;
        }
        // The version listed is the one the user saw: a number changed since is reported, not deleted.
        Report(await NumberService.DeleteAsync(number.Id, number.Version, await GetActorAsync()));
        await LoadAsync();
    }
}
