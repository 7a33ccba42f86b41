using CallCenter.Core.Services.Admin;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace CallCenter.Web.Components.Pages.Admin;

/// <summary>Work number, extension, SIP password, seat, group memberships and skills of an agent.</summary>
public partial class UserAgentFields
{
    [Inject] private IStringLocalizer<AdminResource> L { get; set; } = default!;

    [Parameter, EditorRequired] public UserEditModel Model { get; set; } = default!;
    [Parameter] public IReadOnlyList<LookupItem> Groups { get; set; } = [];
    [Parameter] public IReadOnlyList<LookupItem> Skills { get; set; } = [];
    [Parameter] public bool IsNewAgent { get; set; }
    /// <summary>The dialog's localized error of a field, or null.</summary>
    [Parameter, EditorRequired] public Func<string, string?> ErrorText { get; set; } = default!;

    private string? Err(string field) => ErrorText(field);

    private bool InGroup(Guid id) => Model.Groups.Any(g => g.GroupId == id);

    private int Priority(Guid id) => Model.Groups.FirstOrDefault(g => g.GroupId == id)?.Priority ?? 0;

    private void SetGroup(Guid id, bool on)
    {
        Model.Groups.RemoveAll(g => g.GroupId == id);
        if (on)
        {
            Model.Groups.Add(new GroupMembershipInput(id, 1));
        }
    }

    private void SetPriority(Guid id, int priority)
    {
        Model.Groups.RemoveAll(g => g.GroupId == id);
        Model.Groups.Add(new GroupMembershipInput(id, priority));
    }
}
