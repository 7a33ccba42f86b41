using CallCenter.Core.Services.Admin;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace CallCenter.Web.Components.Pages.Admin;

/// <summary>What every admin page needs: strings, snackbars, dialogs, and who is acting from where.</summary>
public abstract class AdminPageBase : ComponentBase
{
    [Inject] protected IStringLocalizer<AdminResource> L { get; set; } = default!;
    [Inject] protected ISnackbar Snackbar { get; set; } = default!;
    [Inject] protected IDialogService Dialogs { get; set; } = default!;
    [Inject] private IHttpContextAccessor HttpContextAccessor { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState>? AuthenticationState { get; set; }

    /// <summary>
    /// The browser's address. The HttpContext is only trustworthy while prerendering, so it is read
    /// there once and carried into the interactive circuit as persisted component state.
    /// </summary>
    [PersistentState]
    public string? RemoteAddress { get; set; }

    protected override void OnInitialized()
    {
        RemoteAddress ??= HttpContextAccessor.HttpContext?.Connection.RemoteIpAddress?.ToString();
    }

    protected async Task<AdminActor> GetActorAsync()
    {
        var state = AuthenticationState is null ? null : await AuthenticationState;
        return new AdminActor(state?.User.Identity?.Name ?? "unknown", RemoteAddress);
    }

    /// <summary>Opens an edit dialog and tells whether it saved.</summary>
    protected async Task<bool> ShowEditAsync<TDialog>(string titleKey, DialogParameters<TDialog> parameters)
        where TDialog : ComponentBase
    {
        var options = new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, BackdropClick = false };
        var dialog = await Dialogs.ShowAsync<TDialog>(L[titleKey], parameters, options);
        var result = await dialog.Result;
        if (result is null || result.Canceled)
        {
            return false;
        }
        Snackbar.Add(L["Saved"], Severity.Success);
        return true;
    }

    /// <summary>Reports the outcome of a change made from the list itself (activate, delete...).</summary>
    protected bool Report(AdminResult result)
    {
        switch (result.Status)
        {
            case AdminResultStatus.Ok:
                Snackbar.Add(L["Saved"], Severity.Success);
                return true;
            case AdminResultStatus.Conflict:
            case AdminResultStatus.NotFound:
                Snackbar.Add(L["Conflict"], Severity.Warning);
                return false;
            default:
                Snackbar.Add(string.Join(" ", result.Errors.Select(e => L["Error_" + e.Value].Value)), Severity.Error);
                return false;
        }
    }
}
