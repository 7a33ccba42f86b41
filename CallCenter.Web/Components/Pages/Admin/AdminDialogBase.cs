using CallCenter.Core.Services.Admin;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace CallCenter.Web.Components.Pages.Admin;

/// <summary>
/// An edit dialog: shows the service's field errors beside their fields, and a conflict notice with
/// a reload when someone else saved the row first.
/// </summary>
public abstract class AdminDialogBase : ComponentBase
{
    private static readonly IReadOnlyDictionary<string, string> NoErrors = new Dictionary<string, string>();

    [CascadingParameter] protected IMudDialogInstance Dialog { get; set; } = default!;
    [Inject] protected IStringLocalizer<AdminResource> L { get; set; } = default!;

    [Parameter, EditorRequired] public AdminActor Actor { get; set; } = default!;

    protected IReadOnlyDictionary<string, string> Errors { get; private set; } = NoErrors;
    protected bool IsConflict { get; private set; }
    protected bool IsSaving { get; private set; }

    protected bool HasError(string field) => Errors.ContainsKey(field);

    protected string? ErrorText(string field) =>
        Errors.TryGetValue(field, out var code) ? L["Error_" + code].Value : null;

    /// <summary>Loads the row afresh (also after a conflict, which drops the editor's changes).</summary>
    protected abstract Task LoadAsync();

    protected abstract Task<AdminResult> SaveCoreAsync();

    protected async Task SaveAsync()
    {
        IsSaving = true;
        try
        {
            var result = await SaveCoreAsync();
            Errors = result.Errors;
            IsConflict = result.Status is AdminResultStatus.Conflict or AdminResultStatus.NotFound;
            if (result.Succeeded)
            {
                Dialog.Close(DialogResult.Ok(result.Id));
            }
        }
        finally
        {
            IsSaving = false;
        }
    }

    protected async Task ReloadAsync()
    {
        IsConflict = false;
        Errors = NoErrors;
        await LoadAsync();
    }

    protected void Cancel() => Dialog.Cancel();

    protected override Task OnInitializedAsync() => LoadAsync();
}
