using CallCenter.Telephony.Sip.Messages;

namespace CallCenter.Telephony.Simulation;

internal sealed partial class SimulatedUserAgent
{
    private async Task OnRequestAsync(SipRequest request)
    {
        var token = _stop.Token;
        var call = request.CallId is { } callId ? _calls.GetValueOrDefault(callId) : null;
        switch (request.Method)
        {
            case SipMethods.Invite when request.To?.Tag is null:
                await OnInviteAsync(request, token).ConfigureAwait(false);
                break;
            case SipMethods.Invite:
                await OnReInviteAsync(call, request, token).ConfigureAwait(false);
                break;
            case SipMethods.Ack:
                if (call is not null)
                {
                    if (request.Body.Length > 0 && SimulationSdp.TryReadAnswer(request, call.Media, out var audio) && call.State == SimulatedCallState.Answered)
                    {
                        call.Media.Start(audio!);
                    }
                    call.MarkAcked();
                }
                break;
            case SipMethods.Cancel:
                await OnCancelAsync(call, request, token).ConfigureAwait(false);
                break;
            case SipMethods.Bye:
                await Endpoint.RespondAsync(request, call is null ? 481 : 200, null, token).ConfigureAwait(false);
                call?.TryEnd(SimulatedCallEndReason.RemoteHangUp);
                break;
            case SipMethods.Options or SipMethods.Notify or SipMethods.Info or SipMethods.Update or SipMethods.Message:
                await Endpoint.RespondAsync(request, 200, null, token).ConfigureAwait(false);
                break;
            default:
                await Endpoint.RespondAsync(request, 501, null, token).ConfigureAwait(false);
                break;
        }
    }

    private async Task OnInviteAsync(SipRequest invite, CancellationToken cancellationToken)
    {
        var tag = SimulatedSipEndpoint.NewTag();
        if (_calls.ContainsKey(invite.CallId!))
        {
            // A second INVITE with a Call-ID we have, without a To tag: a loop or a merged request (RFC 3261 §8.2.2.2).
            await Endpoint.RespondAsync(invite, 482, tag, cancellationToken).ConfigureAwait(false);
            return;
        }
        var caller = invite.From?.Uri?.User ?? "anonymous";
        var call = new SimulatedCall(this, incoming: true, invite.CallId!, User, caller, new SimulatedMediaStream(_clock, _toneFrequencyHz))
        {
            Invite = invite,
            Dialog = SimulatedDialog.ForIncoming(invite, tag),
            InviteCSeq = invite.CSeq!.Value.Number,
        };
        _calls[call.CallId] = call;
        ForgetLater(call);
        var plan = IncomingCallPolicy?.Invoke(call);
        CallOffered?.Invoke(call);
        if (plan is not { } taken)
        {
            if (call.TryEnd(SimulatedCallEndReason.Rejected, 486))
            {
                await Endpoint.RespondAsync(invite, 486, tag, cancellationToken).ConfigureAwait(false);
            }
            return;
        }
        await Endpoint.RespondAsync(invite, 100, null, cancellationToken).ConfigureAwait(false);
        var ringing = SipResponse.CreateFor(invite, 180, null, tag);
        ringing.Headers.Add(SipHeaderNames.Contact, Endpoint.ContactFor(User));
        call.MarkRinging();
        await Endpoint.RespondAsync(invite, ringing, cancellationToken).ConfigureAwait(false);
        try
        {
            var waited = call.Since(System.Diagnostics.Stopwatch.GetTimestamp());
            await Task.Delay(taken.AnswerDelay > waited ? taken.AnswerDelay - waited : TimeSpan.Zero, call.Ringing.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Cancelled by the server (the CANCEL handler answered 487) or hung up by us, or the phone is going away.
            return;
        }
        if (!SimulationSdp.TryAnswer(invite, call.Media, call.SessionId, call.SessionVersion, out var sdp, out var audio))
        {
            if (call.TryEnd(SimulatedCallEndReason.Rejected, 488))
            {
                await Endpoint.RespondAsync(invite, 488, tag, cancellationToken).ConfigureAwait(false);
            }
            return;
        }
        var ok = SipResponse.CreateFor(invite, 200, null, tag);
        ok.Headers.Add(SipHeaderNames.Contact, Endpoint.ContactFor(User));
        SimulationSdp.SetBody(ok, sdp);
        if (!call.TryMarkAnswered(200))
        {
            return;
        }
        call.Media.Start(audio!);
        await Endpoint.RespondAsync(invite, ok, cancellationToken).ConfigureAwait(false);
        CallAnswered?.Invoke(call);
        if (!await RetransmitUntilAckAsync(call, ok.ToArray(), cancellationToken).ConfigureAwait(false))
        {
            LogNoAck(_logger, User, call.CallId);
            await SendByeAsync(call, cancellationToken).ConfigureAwait(false);
            return;
        }
        if (taken.TalkTime is { } talk)
        {
            try
            {
                await Task.WhenAny(call.Ended, Task.Delay(talk, cancellationToken)).ConfigureAwait(false);
            }
            finally
            {
                if (!cancellationToken.IsCancellationRequested)
                {
                    await HangUpAsync(call, cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    // RFC 3261 §13.3.1.4: the 2xx is retransmitted (T1 doubling up to T2) until the ACK; none within 64·T1 ends the call.
    private async Task<bool> RetransmitUntilAckAsync(SimulatedCall call, byte[] ok, CancellationToken cancellationToken)
    {
        var interval = SimulatedSipEndpoint.T1;
        var waited = TimeSpan.Zero;
        while (waited < SimulatedSipEndpoint.TransactionTimeout)
        {
            if (await Task.WhenAny(call.Acked, Task.Delay(interval, cancellationToken)).ConfigureAwait(false) == call.Acked)
            {
                return true;
            }
            cancellationToken.ThrowIfCancellationRequested();
            waited += interval;
            await Endpoint.SendBytesAsync(ok, cancellationToken).ConfigureAwait(false);
            interval = TimeSpan.FromTicks(Math.Min(interval.Ticks * 2, SimulatedSipEndpoint.T2.Ticks));
        }
        return call.Acked.IsCompleted;
    }

    private async Task OnReInviteAsync(SimulatedCall? call, SipRequest request, CancellationToken cancellationToken)
    {
        if (call is null || call.State != SimulatedCallState.Answered)
        {
            await Endpoint.RespondAsync(request, 481, null, cancellationToken).ConfigureAwait(false);
            return;
        }
        byte[] sdp;
        call.SessionVersion++;
        if (request.Body.Length == 0)
        {
            // No offer: ours goes in the 200, the answer comes in the ACK (RFC 3261 §14.2).
            sdp = SimulationSdp.Offer(call.Media, call.SessionId, call.SessionVersion);
        }
        else if (SimulationSdp.TryAnswer(request, call.Media, call.SessionId, call.SessionVersion, out sdp, out var audio))
        {
            call.Media.Start(audio!);
        }
        else
        {
            await Endpoint.RespondAsync(request, 488, null, cancellationToken).ConfigureAwait(false);
            return;
        }
        var ok = SipResponse.CreateFor(request, 200);
        ok.Headers.Add(SipHeaderNames.Contact, Endpoint.ContactFor(User));
        SimulationSdp.SetBody(ok, sdp);
        await Endpoint.RespondAsync(request, ok, cancellationToken).ConfigureAwait(false);
    }

    private async Task OnCancelAsync(SimulatedCall? call, SipRequest cancel, CancellationToken cancellationToken)
    {
        if (call is null || !call.IsIncoming)
        {
            await Endpoint.RespondAsync(cancel, 481, null, cancellationToken).ConfigureAwait(false);
            return;
        }
        // RFC 3261 §9.2: 200 to the CANCEL; the INVITE, still ringing, gets 487. Answered already: the CANCEL does nothing.
        await Endpoint.RespondAsync(cancel, 200, null, cancellationToken).ConfigureAwait(false);
        if (call.State == SimulatedCallState.Ringing && call.TryEnd(SimulatedCallEndReason.Cancelled, 487))
        {
            await Endpoint.RespondAsync(call.Invite!, 487, call.Dialog!.LocalTag, cancellationToken).ConfigureAwait(false);
        }
    }
}
