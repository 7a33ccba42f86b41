using System.Collections.Concurrent;
using System.Net;

using CallCenter.Telephony.Sip.Auth;
using CallCenter.Telephony.Sip.Messages;

using Microsoft.Extensions.Logging;

namespace CallCenter.Telephony.Simulation;

/// <summary>
/// The call handling shared by simulated agent phones and customers: outgoing INVITEs (a 401/407 answered once with
/// digest when credentials are set; ACK; CANCEL; BYE) and incoming ones (100, 180, a 200 with our SDP answer after the
/// plan's delay, retransmitted until the ACK; CANCEL → 200 + 487; BYE → 200; re-INVITE answered with our SDP;
/// OPTIONS/NOTIFY/INFO/UPDATE/MESSAGE → 200).
/// </summary>
internal sealed partial class SimulatedUserAgent : IAsyncDisposable
{
    private static readonly TimeSpan s_forgetEndedAfter = TimeSpan.FromSeconds(32);

    private readonly SimulatedMediaClock _clock;
    private readonly ConcurrentDictionary<string, SimulatedCall> _calls = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly ILogger _logger;
    private readonly string? _authUser;
    private readonly string? _password;
    private readonly int _toneFrequencyHz;

    public SimulatedUserAgent(IPEndPoint server, SimulatedMediaClock clock, string user, string? authUser, string? password, int toneFrequencyHz, ILogger logger)
    {
        _clock = clock;
        _logger = logger;
        _authUser = authUser;
        _password = password;
        _toneFrequencyHz = toneFrequencyHz;
        User = user;
        Endpoint = new SimulatedSipEndpoint(server, logger) { RequestReceived = OnRequestAsync };
    }

    public SimulatedSipEndpoint Endpoint { get; }

    /// <summary>The user part of our From and Contact.</summary>
    public string User { get; }

    /// <summary>Decides how an incoming call is taken; null (or no policy) answers 486 Busy Here.</summary>
    public Func<SimulatedCall, IncomingCallPlan?>? IncomingCallPolicy { get; set; }

    /// <summary>Raised when an INVITE arrives (before any response), on a thread-pool thread.</summary>
    public Action<SimulatedCall>? CallOffered { get; set; }

    /// <summary>Raised when a call is answered (our 200 sent, or a 2xx received).</summary>
    public Action<SimulatedCall>? CallAnswered { get; set; }

    public CancellationToken Stopping => _stop.Token;

    /// <summary>Calls not ended yet.</summary>
    public int ActiveCalls => _calls.Values.Count(c => c.State != SimulatedCallState.Ended);

    /// <summary>Places a call to <paramref name="number"/>; the call runs on in the background.</summary>
    public SimulatedCall Dial(string number)
    {
        var host = Endpoint.Server.Address.ToString();
        var requestUri = SipUri.Create(number, host, Endpoint.Server.Port);
        var callId = SimulatedSipEndpoint.NewCallId();
        var tag = SimulatedSipEndpoint.NewTag();
        var from = "<" + SipUri.Create(User, host, Endpoint.Server.Port) + ">";
        var to = "<" + requestUri + ">";
        var call = new SimulatedCall(this, incoming: false, callId, User, number, new SimulatedMediaStream(_clock, _toneFrequencyHz))
        {
            Dialog = new SimulatedDialog(callId, from, tag, to, null, requestUri, 1),
        };
        _calls[callId] = call;
        _ = RunOutgoingAsync(call, requestUri);
        return call;
    }

    public async Task HangUpAsync(SimulatedCall call, CancellationToken cancellationToken)
    {
        if (call.State == SimulatedCallState.Ended)
        {
            return;
        }
        if (call.IsIncoming)
        {
            if (call.State != SimulatedCallState.Answered)
            {
                if (call.TryEnd(SimulatedCallEndReason.Rejected, 486))
                {
                    await Endpoint.RespondAsync(call.Invite!, 486, call.Dialog!.LocalTag, cancellationToken).ConfigureAwait(false);
                }
                return;
            }
            await SendByeAsync(call, cancellationToken).ConfigureAwait(false);
            return;
        }
        if (call.State != SimulatedCallState.Answered)
        {
            await CancelAsync(call, cancellationToken).ConfigureAwait(false);
            if (await call.FinalResponse.ConfigureAwait(false) is >= 200 and < 300)
            {
                // The 2xx crossed our CANCEL (RFC 3261 §9.1): the call is up, so it ends with a BYE.
                await SendByeAsync(call, cancellationToken).ConfigureAwait(false);
            }
            await call.Ended.ConfigureAwait(false);
            return;
        }
        await SendByeAsync(call, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        using (var bounded = new CancellationTokenSource(TimeSpan.FromSeconds(2)))
        {
            try
            {
                await Task.WhenAll(_calls.Values.Where(c => c.State == SimulatedCallState.Answered)
                    .Select(c => SendByeAsync(c, bounded.Token))).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The server did not answer the BYEs in time: the calls end on its side by media time-out.
            }
        }
        await _stop.CancelAsync().ConfigureAwait(false);
        foreach (var call in _calls.Values)
        {
            call.TryEnd(SimulatedCallEndReason.Disposed);
        }
        await Endpoint.DisposeAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task RunOutgoingAsync(SimulatedCall call, SipUri requestUri)
    {
        try
        {
            var dialog = call.Dialog!;
            var invite = NewInvite(call, requestUri, 1);
            var response = await Endpoint.SendRequestAsync(invite, _ => call.MarkRinging(), _stop.Token).ConfigureAwait(false);
            if (response.StatusCode is 401 or 407 && _authUser is not null && _password is not null && !call.CancelRequested
                && DigestClient.Answer(response, SipMethods.Invite, requestUri.ToString(), _authUser, _password) is { } credentials)
            {
                // RFC 3261 §22.2: the same request again with credentials, the same Call-ID and From tag, the next CSeq.
                invite = NewInvite(call, requestUri, 2);
                invite.Headers.Add(credentials.Name, credentials.Value);
                response = await Endpoint.SendRequestAsync(invite, _ => call.MarkRinging(), _stop.Token).ConfigureAwait(false);
            }
            if (response.StatusCode >= 300)
            {
                var reason = response.ReasonPhrase == SimulatedSipEndpoint.LocalTimeoutReason ? SimulatedCallEndReason.TimedOut
                    : response.StatusCode == 487 && call.CancelRequested ? SimulatedCallEndReason.Cancelled
                    : SimulatedCallEndReason.Rejected;
                call.TryEnd(reason, response.StatusCode);
                return;
            }
            dialog.Confirm(response);
            if (SimulationSdp.TryReadAnswer(response, call.Media, out var audio))
            {
                call.Media.Start(audio!);
            }
            await Endpoint.SendAckAsync(invite, dialog.CreateAck(Endpoint, call.InviteCSeq), _stop.Token).ConfigureAwait(false);
            if (call.TryMarkAnswered(response.StatusCode))
            {
                CallAnswered?.Invoke(call);
            }
        }
        catch (OperationCanceledException)
        {
            call.TryEnd(SimulatedCallEndReason.Disposed);
        }
        finally
        {
            ForgetLater(call);
        }
    }

    private SipRequest NewInvite(SimulatedCall call, SipUri requestUri, uint cseq)
    {
        var dialog = call.Dialog!;
        var invite = Endpoint.NewRequest(SipMethods.Invite, requestUri, dialog.LocalAddress + ";tag=" + dialog.LocalTag, dialog.RemoteAddress,
            call.CallId, cseq);
        invite.Headers.Add(SipHeaderNames.Contact, Endpoint.ContactFor(User));
        invite.Headers.Add(SipHeaderNames.Allow, "INVITE, ACK, CANCEL, BYE, OPTIONS, NOTIFY, INFO, UPDATE");
        SimulationSdp.SetBody(invite, SimulationSdp.Offer(call.Media, call.SessionId, call.SessionVersion));
        call.Invite = invite;
        call.InviteCSeq = cseq;
        return invite;
    }

    private async Task CancelAsync(SimulatedCall call, CancellationToken cancellationToken)
    {
        call.CancelRequested = true;
        // RFC 3261 §9.1: no CANCEL before a provisional response; the final response also ends the wait.
        await Task.WhenAny(call.Provisional, call.FinalResponse).ConfigureAwait(false);
        if (call.State != SimulatedCallState.Ringing && call.State != SimulatedCallState.Calling || call.Invite is not { } invite)
        {
            return;
        }
        var cancel = new SipRequest(SipMethods.Cancel, invite.RequestUri);
        // RFC 3261 §9.1: the INVITE's top Via, Request-URI, Call-ID, From, To and CSeq number.
        cancel.Headers.Add(SipHeaderNames.Via, invite.Headers.Get(SipHeaderNames.Via)!);
        cancel.Headers.Add(SipHeaderNames.MaxForwards, "70");
        cancel.Headers.Add(SipHeaderNames.From, invite.Headers.Get(SipHeaderNames.From)!);
        cancel.Headers.Add(SipHeaderNames.To, invite.Headers.Get(SipHeaderNames.To)!);
        cancel.Headers.Add(SipHeaderNames.CallId, invite.CallId!);
        cancel.Headers.Add(SipHeaderNames.CSeq, invite.CSeq!.Value.Number.ToString(System.Globalization.CultureInfo.InvariantCulture) + " CANCEL");
        await Endpoint.SendRequestAsync(cancel, null, cancellationToken).ConfigureAwait(false);
        await call.FinalResponse.ConfigureAwait(false);
    }

    private async Task SendByeAsync(SimulatedCall call, CancellationToken cancellationToken)
    {
        if (call.Dialog is not { } dialog || !call.TryEnd(SimulatedCallEndReason.LocalHangUp))
        {
            return;
        }
        var bye = dialog.CreateRequest(Endpoint, SipMethods.Bye);
        var response = await Endpoint.SendRequestAsync(bye, null, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode >= 300)
        {
            LogByeRefused(_logger, User, call.CallId, response.StatusCode);
        }
    }

    private void ForgetLater(SimulatedCall call) =>
        _ = call.Ended.ContinueWith(_ => Task.Delay(s_forgetEndedAfter).ContinueWith(_ => _calls.TryRemove(call.CallId, out var _), TaskScheduler.Default),
            TaskScheduler.Default);

    [LoggerMessage(EventId = 4804, Level = LogLevel.Debug, Message = "Simulated {User}: BYE of {CallId} answered {Status}")]
    private static partial void LogByeRefused(ILogger logger, string user, string callId, int status);

    [LoggerMessage(EventId = 4805, Level = LogLevel.Debug, Message = "Simulated {User}: no ACK for the 200 of {CallId}; hanging up")]
    private static partial void LogNoAck(ILogger logger, string user, string callId);
}
