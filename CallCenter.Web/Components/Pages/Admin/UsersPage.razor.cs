using CallCenter.Core.Services.Admin;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace CallCenter.Web.Components.Pages.Admin;

/// <summary>用户与坐席: web users with their roles and agent profiles.</summary>
public partial class UsersPage
{
    private IReadOnlyList<UserSummary> _users = [];
    private string? _search;

    [Inject] private UserAdminService UserAdmin { get; set; } = default!;

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync() => _users = await UserAdmin.ListUsersAsync(_search);

    private async Task SearchOnEnterAsync(KeyboardEventArgs e)
    {
        if (e.Key == "Enter")
        {
            await LoadAsync();
        }
    }

    private async Task CreateAsync()
    {
        var parameters = new DialogParameters<UserEditDialog> { { d => d.Actor, await GetActorAsync() } };
        if (await ShowEditAsync("Users_Create", parameters))
        {
            await LoadAsync();
        }
    }

    private async Task EditAsync(Guid userId)
    {
        var parameters = new DialogParameters<UserEditDialog>
        {
            { d => d.Actor, await GetActorAsync() },
            { d => d.UserId, userId },
        };
        if (await ShowEditAsync("Users_Edit", parameters))
        {
            await LoadAsync();
        }
    }

    private async Task ToggleActiveAsync(UserSummary user)
    {
        if (Report(await UserAdmin.SetActiveAsync(user.Id, !user.IsActive, await GetActorAsync())))
        {
            await LoadAsync();
        }
    }

    private async Task SetPasswordAsync(UserSummary user, bool sip)
    {
        var parameters = new DialogParameters<PasswordDialog>
        {
            { d => d.Actor, await GetActorAsync() },
            { d => d.UserId, user.Id },
            { d => d.Sip, sip },
        };
        await ShowEditAsync(sip ? "Users_SetSipPassword" : "Users_ResetPassword", parameters);
    }
}
