using CallCenter.Telephony.Calls.Control;
using CallCenter.Web.Hosting.Workspace;

using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

using MudBlazor;

namespace CallCenter.Web.Components.Pages.Workspace;

/// <summary>
/// 坐席工作台: binds to the signed-in agent's extension (logging it in to its queues), shows the phone bar, the wrap-up
/// and the screen pop, all pushed by <see cref="AgentDesk"/> from the engine's events; actions go through the
/// call-control API and the ACD, a refusal is shown with its reason.
/// </summary>
public partial class WorkspacePage : IDisposable
{
    private bool _noAgent;

    [Inject]
    private AgentDesk Desk { get; set; } = null!;

    [Inject]
    private ICallControl CallControl { get; set; } = null!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = null!;

    [Inject]
    private IStringLocalizer<WorkspaceResource> L { get; set; } = null!;

    /// <inheritdoc />
    public void Dispose() => Desk.Changed -= OnDeskChanged;

    /// <inheritdoc />
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }
        // Interactive only (never while prerendering): binding logs the agent in.
        Desk.Changed += OnDeskChanged;
        _noAgent = !await Desk.StartAsync();
        StateHasChanged();
    }

    private void OnDeskChanged() => _ = InvokeAsync(StateHasChanged);

    private void ShowProblem(string message) => Snackbar.Add(message, Severity.Warning);

    private void ExtendWrapUp() => Report(Desk.ExtendWrapUp(TimeSpan.FromSeconds(30)).Reason);

    private async Task FinishWrapUpAsync() => Report((await Desk.SetReadyAsync()).Reason);

    private async Task RunAsync(PhoneCommand command)
    {
        var extension = Desk.Extension;
        var call = Desk.State?.Call;
        var callId = call?.CallId ?? Guid.Empty;
        var reason = command.Kind switch
        {
            PhoneCommandKind.Ready => (await Desk.SetReadyAsync()).Reason,
            PhoneCommandKind.NotReady => Desk.SetNotReady(command.Argument!).Reason,
            PhoneCommandKind.Hangup => (await CallControl.HangupAsync(callId)).Reason,
            PhoneCommandKind.Hold => (await CallControl.HoldAsync(callId, extension)).Reason,
            PhoneCommandKind.Resume => (await CallControl.ResumeAsync(callId, extension)).Reason,
            PhoneCommandKind.BlindTransfer => (await CallControl.BlindTransferAsync(callId, extension, command.Argument!)).Reason,
            PhoneCommandKind.Consult => (await CallControl.ConsultAsync(callId, extension, command.Argument!)).Reason,
            PhoneCommandKind.CompleteTransfer => (await CallControl.CompleteTransferAsync(callId, extension)).Reason,
            PhoneCommandKind.CancelConsult => (await CallControl.CancelConsultAsync(callId, extension)).Reason,
            PhoneCommandKind.ConferenceAdd => (await CallControl.ConferenceAddAsync(callId, extension, command.Argument!)).Reason,
            PhoneCommandKind.ConferenceDrop => (await CallControl.ConferenceDropAsync(callId, extension, command.LegId!.Value)).Reason,
            PhoneCommandKind.StartRecording => (await CallControl.StartRecordingAsync(callId)).Reason,
            PhoneCommandKind.StopRecording => (await CallControl.StopRecordingAsync(callId)).Reason,
            PhoneCommandKind.SendDtmf => (await CallControl.SendDtmfAsync(callId, extension, command.Argument!)).Reason,
            _ => null,
        };
        Report(reason);
    }

    // A refusal (its reason from the engine or the ACD) in a snackbar; success shows itself in the pushed state.
    private void Report(string? reason)
    {
        if (reason is not null)
        {
            Snackbar.Add(L["Refused", reason], Severity.Warning);
        }
    }
}
