using CallCenter.Core.Services.Admin;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace CallCenter.Web.Components.Pages.Admin;

/// <summary>The groups and skills part of the queue form.</summary>
public partial class QueueMembershipFields
{
    [Inject] private IStringLocalizer<AdminResource> L { get; set; } = default!;

    [Parameter, EditorRequired] public QueueEditModel Model { get; set; } = default!;
    [Parameter] public IReadOnlyList<LookupItem> Groups { get; set; } = [];
    [Parameter] public IReadOnlyList<LookupItem> Skills { get; set; } = [];
    /// <summary>The dialog's localized error of a field, or null.</summary>
    [Parameter, EditorRequired] public Func<string, string?> ErrorText { get; set; } = default!;

    private void SetGroup(Guid id, bool on)
    {
        Model.GroupIds.Remove(id);
        if (on)
        {
            Model.GroupIds.Add(id);
        }
    }
}
