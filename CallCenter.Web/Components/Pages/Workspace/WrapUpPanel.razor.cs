using CallCenter.Core.Services.Workspace;
using CallCenter.Web.Hosting.Users;

using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

using MudBlazor;

namespace CallCenter.Web.Components.Pages.Workspace;

/// <summary>The wrap-up panel: counts down to the end of after-call work and stores the call's disposition.</summary>
public partial class WrapUpPanel : IDisposable
{
    private string? _disposition;
    private Timer? _timer;

    [Inject]
    private IStringLocalizer<WorkspaceResource> L { get; set; } = null!;

    [Inject]
    private TimeProvider Time { get; set; } = null!;

    [Inject]
    private CallDispositionService Dispositions { get; set; } = null!;

    [Inject]
    private CurrentUserService CurrentUser { get; set; } = null!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = null!;

    /// <summary>When the wrap-up ends (the ACD's clock).</summary>
    [Parameter]
    public DateTimeOffset? EndsAt { get; set; }

    /// <summary>The call being wrapped up, if known.</summary>
    [Parameter]
    public Guid? CallId { get; set; }

    /// <summary>More time.</summary>
    [Parameter]
    public EventCallback OnExtend { get; set; }

    /// <summary>Finish now and go Ready.</summary>
    [Parameter]
    public EventCallback OnFinish { get; set; }

    private int Remaining => EndsAt is { } end ? Math.Max(0, (int)Math.Ceiling((end - Time.GetUtcNow()).TotalSeconds)) : 0;

    /// <inheritdoc />
    public void Dispose() => _timer?.Dispose();

    /// <inheritdoc />
    protected override void OnInitialized() =>
        _timer = new Timer(_ => InvokeAsync(StateHasChanged), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

    private async Task SaveAsync()
    {
        var agent = (await CurrentUser.GetAsync())?.Agent;
        var saved = agent is not null && CallId is { } call && _disposition is { } code && await Dispositions.SetAsync(call, agent.AgentId, code);
        Snackbar.Add(saved ? L["WrapUp_Saved"] : L["WrapUp_NotSaved"], saved ? Severity.Success : Severity.Warning);
    }
}
