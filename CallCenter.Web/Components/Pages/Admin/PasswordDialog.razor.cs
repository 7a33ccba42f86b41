using CallCenter.Core.Services.Admin;
using Microsoft.AspNetCore.Components;

namespace CallCenter.Web.Components.Pages.Admin;

/// <summary>Sets a user's web password, or the SIP password of its extension.</summary>
public partial class PasswordDialog
{
    private string _password = "";

    [Inject] private UserAdminService UserAdmin { get; set; } = default!;

    [Parameter] public Guid UserId { get; set; }

    /// <summary>True for the SIP password of the user's extension, false for the web password.</summary>
    [Parameter] public bool Sip { get; set; }

    private string Field => Sip ? nameof(UserEditModel.SipPassword) : nameof(UserEditModel.Password);

    protected override Task LoadAsync()
    {
        _password = "";
        return Task.CompletedTask;
    }

    protected override Task<AdminResult> SaveCoreAsync() => Sip
        ? UserAdmin.SetSipPasswordAsync(UserId, _password, Actor)
        : UserAdmin.ResetPasswordAsync(UserId, _password, Actor);
}
