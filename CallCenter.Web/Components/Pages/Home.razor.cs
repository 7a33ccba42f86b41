using CallCenter.Core.Domain;
using CallCenter.Core.Services.Dashboard;
using CallCenter.Web.Components.Layout;

using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;

namespace CallCenter.Web.Components.Pages;

public partial class Home
{
    [Inject]
    private IStringLocalizer<SharedResource> L { get; set; } = default!;

    [Inject]
    private DashboardSummaryService Dashboard { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private string UserName { get; set; } = "";

    private IReadOnlyList<string> UserRoles { get; set; } = [];

    /// <summary>Only for the roles that run the center; null for the others.</summary>
    private DashboardSummary? Summary { get; set; }

    protected override async Task OnInitializedAsync()
    {
        var user = (await AuthenticationState).User;
        UserName = UserDisplay.Name(user);
        UserRoles = Roles.All.Where(user.IsInRole).ToList();
        if (user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Manager))
        {
            Summary = await Dashboard.GetAsync();
        }
    }
}
