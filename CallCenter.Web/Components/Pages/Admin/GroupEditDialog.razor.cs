using CallCenter.Core.Services.Admin;
using Microsoft.AspNetCore.Components;

namespace CallCenter.Web.Components.Pages.Admin;

/// <summary>Creates or edits an agent group and its members' priorities.</summary>
public partial class GroupEditDialog
{
    private AgentGroupEditModel _model = new();
    private IReadOnlyList<AgentOption> _agents = [];

    [Inject] private AgentGroupService GroupService { get; set; } = default!;

    /// <summary>The group to edit; null to create one.</summary>
    [Parameter] public Guid? GroupId { get; set; }

    protected override async Task LoadAsync()
    {
        _agents = await GroupService.ListAgentsAsync();
        _model = GroupId is { } id ? await GroupService.GetAsync(id) ?? new AgentGroupEditModel() : new AgentGroupEditModel();
    }

    protected override Task<AdminResult> SaveCoreAsync() => GroupId is null
        ? GroupService.CreateAsync(_model, Actor)
        : GroupService.UpdateAsync(_model, Actor);

    private bool IsMember(Guid agentId) => _model.Members.Any(m => m.AgentId == agentId);

    private int Priority(Guid agentId) => _model.Members.FirstOrDefault(m => m.AgentId == agentId)?.Priority ?? 0;

    private void SetMember(Guid agentId, bool on)
    {
        _model.Members.RemoveAll(m => m.AgentId == agentId);
        if (on)
        {
            _model.Members.Add(new GroupMemberInput(agentId, 1));
        }
    }

    private void SetPriority(Guid agentId, int priority)
    {
        _model.Members.RemoveAll(m => m.AgentId == agentId);
        _model.Members.Add(new GroupMemberInput(agentId, priority));
    }
}
