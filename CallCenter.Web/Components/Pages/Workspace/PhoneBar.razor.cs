using CallCenter.Telephony.Acd;
using CallCenter.Telephony.Calls.Control;
using CallCenter.Web.Hosting.Workspace;

using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

using MudBlazor;

namespace CallCenter.Web.Components.Pages.Workspace;

/// <summary>
/// Renders a <see cref="DeskState"/> and turns clicks into <see cref="PhoneCommand"/>s. Every call action is enabled only
/// when the engine says the call's state allows it (<see cref="AgentCallView.Actions"/>); Ready and NotReady follow the
/// agent's ACD state. The timer re-renders once a second while there is a call.
/// </summary>
public partial class PhoneBar : IDisposable
{
    private static readonly (PhoneCommandKind Kind, AgentCallActions Action, string Key, Color Color)[] Buttons =
    [
        (PhoneCommandKind.Hangup, AgentCallActions.Hangup, "Hangup", Color.Error),
        (PhoneCommandKind.Hold, AgentCallActions.Hold, "Hold", Color.Default),
        (PhoneCommandKind.Resume, AgentCallActions.Resume, "Resume", Color.Default),
        (PhoneCommandKind.BlindTransfer, AgentCallActions.BlindTransfer, "BlindTransfer", Color.Primary),
        (PhoneCommandKind.Consult, AgentCallActions.Consult, "Consult", Color.Primary),
        (PhoneCommandKind.CompleteTransfer, AgentCallActions.CompleteTransfer, "CompleteTransfer", Color.Primary),
        (PhoneCommandKind.CancelConsult, AgentCallActions.CancelConsult, "CancelConsult", Color.Default),
        (PhoneCommandKind.ConferenceAdd, AgentCallActions.ConferenceAdd, "ConferenceAdd", Color.Primary),
        (PhoneCommandKind.StartRecording, AgentCallActions.StartRecording, "StartRecording", Color.Default),
        (PhoneCommandKind.StopRecording, AgentCallActions.StopRecording, "StopRecording", Color.Default),
    ];

    // The actions that dial a number typed into the bar.
    private static readonly PhoneCommandKind[] NeedNumber = [PhoneCommandKind.BlindTransfer, PhoneCommandKind.Consult, PhoneCommandKind.ConferenceAdd];

    private string? _number;
    private Timer? _timer;

    [Inject]
    private IStringLocalizer<WorkspaceResource> L { get; set; } = null!;

    [Inject]
    private TimeProvider Time { get; set; } = null!;

    /// <summary>What to show.</summary>
    [Parameter, EditorRequired]
    public DeskState State { get; set; } = null!;

    /// <summary>Receives the agent's actions.</summary>
    [Parameter]
    public EventCallback<PhoneCommand> OnCommand { get; set; }

    /// <summary>Said when an action needs a number and none was typed.</summary>
    [Parameter]
    public EventCallback<string> OnProblem { get; set; }

    private bool CanReady => State.Status is AgentStatus.NotReady or AgentStatus.WrapUp or AgentStatus.LoggedOut
        || State.Agent?.PendingNotReadyReason is not null;

    private bool CanNotReady => State.Status != AgentStatus.LoggedOut && (State.Status != AgentStatus.NotReady);

    private Color StatusColor => State.Status switch
    {
        AgentStatus.Ready => Color.Success,
        AgentStatus.NotReady => Color.Warning,
        AgentStatus.Ringing => Color.Info,
        AgentStatus.Talking or AgentStatus.Held => Color.Primary,
        AgentStatus.WrapUp => Color.Secondary,
        _ => Color.Default,
    };

    private string StatusText => State.Status == AgentStatus.NotReady && State.Agent?.Reason is { } reason
        ? $"{L["Status_NotReady"]} · {L["Reason_" + reason]}"
        : L["Status_" + State.Status];

    /// <inheritdoc />
    public void Dispose() => _timer?.Dispose();

    /// <inheritdoc />
    protected override void OnParametersSet()
    {
        if (State.Call is not null && _timer is null)
        {
            _timer = new Timer(_ => InvokeAsync(StateHasChanged), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        }
        else if (State.Call is null && _timer is not null)
        {
            _timer.Dispose();
            _timer = null;
        }
    }

    private bool Allows(AgentCallActions action) => State.Call?.Allows(action) == true;

    private string Elapsed(AgentCallView call)
    {
        var since = Time.GetUtcNow() - (call.AnsweredAt ?? call.StartedAt);
        return since < TimeSpan.Zero ? "00:00" : since.ToString(since.TotalHours >= 1 ? @"h\:mm\:ss" : @"mm\:ss", System.Globalization.CultureInfo.InvariantCulture);
    }

    private Task SendWithNumberAsync(PhoneCommandKind kind)
    {
        if (NeedNumber.Contains(kind))
        {
            if (string.IsNullOrWhiteSpace(_number))
            {
                return OnProblem.InvokeAsync(L["NumberNeeded"]);
            }
            return SendAsync(new PhoneCommand(kind, _number.Trim()));
        }
        return SendAsync(new PhoneCommand(kind));
    }

    private Task SendAsync(PhoneCommand command) => OnCommand.InvokeAsync(command);
}
