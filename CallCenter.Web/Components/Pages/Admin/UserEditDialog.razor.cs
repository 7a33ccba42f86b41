using CallCenter.Core.Services.Admin;
using Microsoft.AspNetCore.Components;

namespace CallCenter.Web.Components.Pages.Admin;

/// <summary>Creates or edits a user and its agent profile (extension, SIP password, groups, skills, seat).</summary>
public partial class UserEditDialog
{
    private UserEditModel _model = new();
    private IReadOnlyList<LookupItem> _groups = [];
    private IReadOnlyList<LookupItem> _skills = [];
    private bool _isNewAgent = true;

    [Inject] private UserAdminService UserAdmin { get; set; } = default!;
    [Inject] private AdminLookupService Lookup { get; set; } = default!;

    /// <summary>The user to edit; null to create one.</summary>
    [Parameter] public Guid? UserId { get; set; }

    private bool IsNew => UserId is null;

    protected override async Task LoadAsync()
    {
        _groups = await Lookup.ListGroupsAsync();
        _skills = await Lookup.ListSkillsAsync();
        _model = UserId is { } id
            ? await UserAdmin.GetUserAsync(id) ?? new UserEditModel()
            : new UserEditModel { Roles = [Core.Domain.Roles.Agent], HasAgent = true };
        _isNewAgent = _model.AgentVersion is null;
    }

    protected override Task<AdminResult> SaveCoreAsync() => IsNew
        ? UserAdmin.CreateUserAsync(_model, Actor)
        : UserAdmin.UpdateUserAsync(_model, Actor);

    private void SetRole(string role, bool on)
    {
        _model.Roles.Remove(role);
        if (on)
        {
            _model.Roles.Add(role);
        }
    }
}
