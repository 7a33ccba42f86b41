using CallCenter.Core.Services.Admin;
using CallCenter.Core.Services.WorkRecords;
using CallCenter.Web.Hosting.Users;

using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace CallCenter.Web.Components.Pages.WorkRecords;

/// <summary>
/// 工作记录: an agent's day (calls, states, service records, totals). An agent sees its own; shift leaders and above
/// pick any agent. The service enforces the same rule.
/// </summary>
public partial class WorkRecordsPage
{
    private IReadOnlyList<AgentOption> _agents = [];
    private WorkRecordViewer? _viewer;
    private bool _mayPickAgent;
    private Guid? _agentId;
    private DateTime? _date;
    private WorkDay? _day;
    private string? _message;

    [Inject] private IStringLocalizer<WorkRecordResource> L { get; set; } = default!;
    [Inject] private WorkRecordService WorkRecords { get; set; } = default!;
    [Inject] private CurrentUserService CurrentUsers { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        var user = await CurrentUsers.GetAsync();
        if (user is null)
        {
            return;
        }
        _viewer = new WorkRecordViewer(user.UserId, user.Roles);
        _mayPickAgent = _viewer.MaySeeAnyAgent;
        _agents = await WorkRecords.ListAgentsAsync(_viewer);
        _agentId = user.Agent?.AgentId ?? _agents.FirstOrDefault()?.Id;
        _date = WorkRecords.Today().ToDateTime(TimeOnly.MinValue);
        await LoadAsync();
    }

    private async Task AgentChangedAsync(Guid? agentId)
    {
        _agentId = agentId;
        await LoadAsync();
    }

    private async Task DateChangedAsync(DateTime? date)
    {
        _date = date;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _day = null;
        if (_viewer is null || _agentId is not { } agentId || _date is not { } date)
        {
            _message = "NoAgent";
            return;
        }
        var result = await WorkRecords.ForAgentDayAsync(agentId, DateOnly.FromDateTime(date), _viewer);
        _day = result.Day;
        _message = result.Access == WorkRecordAccess.Granted ? null : "Forbidden";
    }
}
