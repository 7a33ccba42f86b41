using CallCenter.Telephony.Acd;
using CallCenter.Telephony.Audio;
using CallCenter.Telephony.Events;
using CallCenter.Telephony.Routing;
using CallCenter.Telephony.Sip.Messages;
using CallCenter.Telephony.Sip.Transactions;
using CallCenter.Telephony.Voicemail;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CallCenter.Telephony.Calls;

public sealed partial class B2buaRequestHandler
{
    // A feature code from an authenticated agent phone: answered by the engine, which does what the code says and
    // confirms it, a beep when done, the busy tone when refused (e.g. an extension no agent has); then it hangs up.
    private async Task RunFeatureCodeAsync(CallSession session, SipServerTransaction transaction, SipRequest request, CancellationToken cancellationToken)
    {
        var extension = session.Caller.Extension!;
        if (!await AcceptIntoEngineAsync(session, transaction, request, cancellationToken).ConfigureAwait(false))
        {
            return;
        }
        MarkAnswered(session, session.Caller, null);
        var code = session.Target.Key!;
        if (code == FeatureCodes.Voicemail)
        {
            await PlayVoicemailBoxAsync(session, extension).ConfigureAwait(false);
        }
        else
        {
            var result = code switch
            {
                FeatureCodes.LoginReady => await Acd.LoginAsync(extension, cancellationToken).ConfigureAwait(false),
                FeatureCodes.NotReady => Acd.SetNotReady(extension, NotReadyReasons.Break),
                _ => Acd.Logout(extension),
            };
            LogFeatureCode(logger, extension, code, result.Succeeded, result.Reason);
            IAudioSource confirmation = result.Succeeded ? Tones.Beep() : new ToneSource(Tones.SignallingFrequencyHz, 350, 350, 2100);
            await session.PlayOnceAsync(session.Caller, PlayerFor(session.Caller), confirmation).ConfigureAwait(false);
        }
        await EndAsync(session, CallParty.System, CallEndCause.Normal, null, CancellationToken.None).ConfigureAwait(false);
    }

    // A dialled number that leads straight to a box (queue name or extension): the caller leaves a message.
    private async Task CallVoicemailBoxAsync(CallSession session, string box, SipServerTransaction transaction, SipRequest request,
        CancellationToken cancellationToken)
    {
        if (!await AcceptIntoEngineAsync(session, transaction, request, cancellationToken).ConfigureAwait(false))
        {
            return;
        }
        var isQueue = await services.GetRequiredService<IAcdDirectory>().GetQueueAsync(box, cancellationToken).ConfigureAwait(false) is not null;
        if (!await TakeVoicemailAsync(session, new VoicemailBox(isQueue, box)).ConfigureAwait(false))
        {
            await RefuseWithMessageAsync(session, "queue-unavailable", CallEndCause.Unavailable).ConfigureAwait(false);
        }
    }

    private async Task RefuseBlacklistedAsync(CallSession session, SipServerTransaction transaction, SipRequest request, CancellationToken cancellationToken)
    {
        try
        {
            if (await AcceptIntoEngineAsync(session, transaction, request, cancellationToken).ConfigureAwait(false))
            {
                await RefuseWithMessageAsync(session, "blacklisted", CallEndCause.Blacklisted).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogFailed(logger, ex, session.Id, "blacklist");
            await EndAsync(session, CallParty.System, CallEndCause.Blacklisted, null, CancellationToken.None).ConfigureAwait(false);
        }
    }

    [LoggerMessage(EventId = 4012, Level = LogLevel.Information, Message = "Extension {Extension} dialled {Code}: {Succeeded} {Reason}")]
    private static partial void LogFeatureCode(ILogger logger, string extension, string code, bool succeeded, string? reason);

    [LoggerMessage(EventId = 4013, Level = LogLevel.Information, Message = "Call {CallId} from {Caller} to {Dialled} refused by the blacklist entry {Entry}: {Reason}")]
    private static partial void LogBlacklisted(ILogger logger, string callId, string caller, string dialled, string entry, string reason);
}
