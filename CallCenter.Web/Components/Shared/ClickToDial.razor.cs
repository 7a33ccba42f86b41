using CallCenter.Telephony.Calls.Control;
using CallCenter.Web.Hosting.Users;

using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

using MudBlazor;

namespace CallCenter.Web.Components.Shared;

/// <summary>
/// Click-to-dial from any number shown: through the call-control API, as the signed-in agent (the button shows only for
/// users who are agents with an extension); the outcome, or the refusal with its reason, in a snackbar.
/// </summary>
public partial class ClickToDial
{
    private string? _extension;
    private bool _dialling;

    [Inject]
    private ICallControl CallControl { get; set; } = null!;

    [Inject]
    private CurrentUserService CurrentUser { get; set; } = null!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = null!;

    [Inject]
    private IStringLocalizer<SharedResource> L { get; set; } = null!;

    /// <summary>The number to show and dial.</summary>
    [Parameter, EditorRequired]
    public string Number { get; set; } = "";

    /// <inheritdoc />
    protected override async Task OnInitializedAsync() => _extension = (await CurrentUser.GetAsync())?.Agent?.Extension;

    private async Task DialAsync()
    {
        _dialling = true;
        try
        {
            var result = await CallControl.OriginateAsync(_extension!, Number);
            if (result.Succeeded)
            {
                Snackbar.Add(L["ClickToDial.Dialling", Number], Severity.Info);
            }
            else
            {
                Snackbar.Add(L["ClickToDial.Refused", Number, result.Reason ?? ""], Severity.Warning);
            }
        }
        finally
        {
            _dialling = false;
        }
    }
}
