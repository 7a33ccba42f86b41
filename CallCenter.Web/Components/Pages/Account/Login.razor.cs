using CallCenter.Core.Domain;
using CallCenter.Core.Services.Audit;
using CallCenter.Web.Hosting;

using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace CallCenter.Web.Components.Pages.Account;

/// <summary>
/// Sign-in, rendered statically: the POST of this form is an ordinary HTTP request, so the auth cookie can be
/// set on its response. Wrong password and lock-out are shown on the page; the return URL is honoured only
/// when local.
/// </summary>
public partial class Login
{
    [Inject]
    private SignInManager<AppUser> SignIn { get; set; } = default!;

    [Inject]
    private UserManager<AppUser> Users { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private IStringLocalizer<SharedResource> L { get; set; } = default!;

    [Inject]
    private AuditService Audit { get; set; } = default!;

    [CascadingParameter]
    private HttpContext? Http { get; set; }

    [SupplyParameterFromForm]
    private LoginInput? Input { get; set; }

    [SupplyParameterFromQuery]
    private string? ReturnUrl { get; set; }

    private string? ErrorMessage { get; set; }

    protected override void OnInitialized()
    {
        Input ??= new LoginInput();
    }

    private async Task SignInAsync()
    {
        var input = Input!;
        if (string.IsNullOrWhiteSpace(input.UserName) || string.IsNullOrEmpty(input.Password))
        {
            ErrorMessage = L["Login.Required"];
            return;
        }

        var userName = input.UserName.Trim();
        var result = await SignIn.PasswordSignInAsync(userName, input.Password, input.RememberMe, lockoutOnFailure: true);
        await AuditAsync(userName, result);
        if (result.Succeeded)
        {
            Navigation.NavigateTo(LocalUrl.OrRoot(ReturnUrl));
            return;
        }
        if (result.IsLockedOut)
        {
            ErrorMessage = L["Login.LockedOut", await MinutesLeftAsync(input.UserName.Trim())];
        }
        else if (result.IsNotAllowed)
        {
            ErrorMessage = L["Login.NotAllowed"];
        }
        else
        {
            ErrorMessage = L["Login.Failed"];
        }
    }

    // Every sign-in and every refusal is in the audit log: guessing at passwords must leave a trace.
    private Task AuditAsync(string userName, SignInResult result)
    {
        var (action, reason) = result switch
        {
            { Succeeded: true } => ("auth.sign-in", null),
            { IsLockedOut: true } => ("auth.sign-in-failed", "locked-out"),
            { IsNotAllowed: true } => ("auth.sign-in-failed", "not-allowed"),
            _ => ("auth.sign-in-failed", "wrong-user-or-password"),
        };
        return Audit.WriteAsync(userName, action, nameof(AppUser), null, reason, Http?.Connection.RemoteIpAddress?.ToString());
    }

    private async Task<int> MinutesLeftAsync(string userName)
    {
        var user = await Users.FindByNameAsync(userName);
        var end = user is null ? null : await Users.GetLockoutEndDateAsync(user);
        var left = (end ?? Clock.GetUtcNow()) - Clock.GetUtcNow();
        return Math.Max(1, (int)Math.Ceiling(left.TotalMinutes));
    }

    private string LanguageHref(string culture)
    {
        var back = "/" + Navigation.ToBaseRelativePath(Navigation.Uri);
        return $"{CultureEndpoint.Path.TrimStart('/')}?culture={culture}&redirectUri={Uri.EscapeDataString(back)}";
    }
}
