namespace CallCenter.Telephony.Calls.Control;

/// <summary>
/// The <see cref="ICallControl"/> of the process: finds the call and the acting party, checks them, and has the
/// B2BUA act, one operation per call at a time (<see cref="CallSession.ControlGate"/>).
/// </summary>
public sealed class CallControlService(CallRegistry calls, B2buaRequestHandler b2bua) : ICallControl
{
    /// <inheritdoc />
    public Task<CallControlResult> OriginateAsync(string agentExtension, string number, CancellationToken cancellationToken = default) =>
        string.IsNullOrWhiteSpace(agentExtension) || string.IsNullOrWhiteSpace(number)
            ? Task.FromResult(CallControlResult.Fail(CallControlError.InvalidArgument, "An extension and a number are needed."))
            : b2bua.OriginateAsync(agentExtension, number.Trim(), cancellationToken);

    /// <inheritdoc />
    public AgentCallView? GetAgentCall(string extension) =>
        calls.Calls
            .Where(c => !c.IsEnded)
            .Select(c => (Call: c, Leg: c.LegOf(extension)))
            .Where(x => x.Leg is not null)
            .OrderByDescending(x => x.Call.StartedAt)
            .Select(x => AgentCallViews.Describe(x.Call, x.Leg!))
            .FirstOrDefault();

    /// <inheritdoc />
    public Task<CallControlResult> HangupAsync(Guid callId, CancellationToken cancellationToken = default) =>
        OnCallAsync(callId, null, (session, _) => b2bua.HangupAsync(session), cancellationToken);

    /// <inheritdoc />
    public Task<CallControlResult> HoldAsync(Guid callId, string byExtension, CancellationToken cancellationToken = default) =>
        OnCallAsync(callId, byExtension, b2bua.HoldAsync, cancellationToken);

    /// <inheritdoc />
    public Task<CallControlResult> ResumeAsync(Guid callId, string byExtension, CancellationToken cancellationToken = default) =>
        OnCallAsync(callId, byExtension, (session, agent) => Task.FromResult(b2bua.Resume(session, agent)), cancellationToken);

    /// <inheritdoc />
    public Task<CallControlResult> BlindTransferAsync(Guid callId, string byExtension, string number, CancellationToken cancellationToken = default) =>
        WithNumber(number) ?? OnCallAsync(callId, byExtension, (session, agent) => b2bua.BlindTransferAsync(session, agent, number.Trim()), cancellationToken);

    /// <inheritdoc />
    public Task<CallControlResult> ConsultAsync(Guid callId, string byExtension, string number, CancellationToken cancellationToken = default) =>
        WithNumber(number) ?? OnCallAsync(callId, byExtension, (session, agent) => b2bua.ConsultAsync(session, agent, number.Trim()), cancellationToken);

    /// <inheritdoc />
    public Task<CallControlResult> CompleteTransferAsync(Guid callId, string byExtension, CancellationToken cancellationToken = default) =>
        OnCallAsync(callId, byExtension, (session, _) => b2bua.CompleteTransferAsync(session), cancellationToken);

    /// <inheritdoc />
    public async Task<CallControlResult> CancelConsultAsync(Guid callId, string byExtension, CancellationToken cancellationToken = default)
    {
        // Not behind the call's gate: the consultation being cancelled may be the operation holding it (still ringing).
        if (calls.Find(callId) is not { } session)
        {
            return NoSuchCall(callId);
        }
        if (session.LegOf(byExtension) is null)
        {
            return NotAParty(byExtension);
        }
        return await b2bua.CancelConsultAsync(session).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<CallControlResult> ConferenceAddAsync(Guid callId, string byExtension, string number, CancellationToken cancellationToken = default) =>
        WithNumber(number) ?? OnCallAsync(callId, byExtension, (session, agent) => b2bua.ConferenceAddAsync(session, agent, number.Trim()), cancellationToken);

    /// <inheritdoc />
    public Task<CallControlResult> ConferenceDropAsync(Guid callId, string byExtension, Guid legId, CancellationToken cancellationToken = default) =>
        OnCallAsync(callId, byExtension, (session, _) => session.FindLeg(legId) is { } leg
            ? b2bua.ConferenceDropAsync(session, leg)
            : Task.FromResult(CallControlResult.Fail(CallControlError.NotAParty, "No such leg on this call.")), cancellationToken);

    /// <inheritdoc />
    public Task<CallControlResult> MonitorAsync(Guid callId, string agentExtension, string supervisorExtension, MonitorMode mode, CancellationToken cancellationToken = default) =>
        WithNumber(supervisorExtension) ?? OnCallAsync(callId, agentExtension, (session, agent) => b2bua.MonitorAsync(session, agent, supervisorExtension.Trim(), mode), cancellationToken);

    /// <inheritdoc />
    public Task<CallControlResult> SetMonitorModeAsync(Guid callId, Guid supervisorLegId, MonitorMode mode, CancellationToken cancellationToken = default) =>
        OnCallAsync(callId, null, (session, _) => Task.FromResult(session.FindLeg(supervisorLegId) is { } leg
            ? b2bua.SetMonitorMode(session, leg, mode)
            : CallControlResult.Fail(CallControlError.NotAParty, "No such leg on this call.")), cancellationToken);

    /// <inheritdoc />
    public Task<CallControlResult> StartRecordingAsync(Guid callId, CancellationToken cancellationToken = default) =>
        OnCallAsync(callId, null, (session, _) => b2bua.StartRecordingAsync(session), cancellationToken);

    /// <inheritdoc />
    public Task<CallControlResult> StopRecordingAsync(Guid callId, CancellationToken cancellationToken = default) =>
        OnCallAsync(callId, null, (session, _) => Task.FromResult(B2buaRequestHandler.StopRecording(session)), cancellationToken);

    /// <inheritdoc />
    public Task<CallControlResult> SendDtmfAsync(Guid callId, string byExtension, string digits, CancellationToken cancellationToken = default) =>
        string.IsNullOrEmpty(digits) || digits.Any(c => !"0123456789*#ABCDabcd".Contains(c, StringComparison.Ordinal))
            ? Task.FromResult(CallControlResult.Fail(CallControlError.InvalidArgument, "Digits are 0-9, *, # and A-D."))
            : OnCallAsync(callId, byExtension, (session, agent) => b2bua.SendDtmfAsync(session, agent, digits.ToUpperInvariant()), cancellationToken);

    // The call, the acting agent's leg (when an extension is given), the call's gate; then the operation.
    private async Task<CallControlResult> OnCallAsync(Guid callId, string? byExtension, Func<CallSession, CallLeg, Task<CallControlResult>> operation,
        CancellationToken cancellationToken)
    {
        if (calls.Find(callId) is not { } session)
        {
            return NoSuchCall(callId);
        }
        await session.ControlGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (session.IsEnded)
            {
                return NoSuchCall(callId);
            }
            var leg = byExtension is null ? session.Caller : session.LegOf(byExtension);
            return leg is null ? NotAParty(byExtension!) : await operation(session, leg).ConfigureAwait(false);
        }
        finally
        {
            session.ControlGate.Release();
        }
    }

    private static Task<CallControlResult>? WithNumber(string? number) =>
        string.IsNullOrWhiteSpace(number) ? Task.FromResult(CallControlResult.Fail(CallControlError.InvalidArgument, "A number is needed.")) : null;

    private static CallControlResult NoSuchCall(Guid callId) => CallControlResult.Fail(CallControlError.NoSuchCall, $"No call {callId} is in progress.");

    private static CallControlResult NotAParty(string extension) => CallControlResult.Fail(CallControlError.NotAParty, $"Extension {extension} is not on this call.");
}
