using CallCenter.Telephony.Acd;
using CallCenter.Telephony.Events;

namespace CallCenter.Telephony.Calls;

public sealed partial class B2buaRequestHandler
{
    // In-queue callback (回拨): the caller pressed the key, keeps its place and hangs up (we do, after a confirmation);
    // when its turn comes the agent's phone rings first and, once the agent answers, the customer is called back.
    private async Task TakeCallbackRequestAsync(CallSession session, QueueEntry entry, QueuedCall call)
    {
        call.IsCallback = true;
        Acd.RequestCallback(entry);
        session.CallerHangupCause = CallEndCause.Normal;
        session.StopPlaying(session.Caller);
        var confirmation = await Prompts.OpenOptionalAsync("queue-callback-confirmed", CancellationToken.None).ConfigureAwait(false)
            ?? await Prompts.OpenAsync("beep", CancellationToken.None).ConfigureAwait(false);
        await session.PlayOnceAsync(session.Caller, PlayerFor(session.Caller), confirmation).ConfigureAwait(false);
        if (session.IsEnded)
        {
            Acd.Abandon(entry);
            return;
        }
        // The caller's leg ends; the call (and its place in the queue) goes on without it.
        session.Listener = null;
        await ReleaseAsync(session, session.Caller).ConfigureAwait(false);
        var exit = await entry.Exit.ConfigureAwait(false);
        if (exit.Reason != QueueExitReason.Connected && !session.IsEnded)
        {
            await EndAsync(session, CallParty.System, CallEndCause.Abandoned, null, CancellationToken.None).ConfigureAwait(false);
        }
    }

    // The agent answered a callback: it hears ringback while the customer's number is dialled as if the agent dialled
    // it (so it leaves through a trunk); the customer answering connects them, anything else ends the call.
    private async Task CallBackCustomerAsync(CallSession session, CallLeg agent)
    {
        try
        {
            session.Callee = agent;
            var codec = agent.Media!.Audio!.Codec;
            PlayTo(session, agent, Audio.Tones.Ringback(), loop: true);
            var (customer, status) = await DialLegAsync(session, session.From, agent.Extension!, agent.Extension, CallLegRole.Customer, codec,
                CancellationToken.None, CallParty.Caller, publishAnswer: false).ConfigureAwait(false);
            session.StopPlaying(agent);
            if (customer is null)
            {
                await EndAsync(session, CallParty.Callee, MapCalleeFailureCause(status), status, CancellationToken.None).ConfigureAwait(false);
                return;
            }
            session.Caller = customer;
            MarkAnswered(session, agent, agent.Extension);
            StartBridge(session);
        }
        catch (Exception ex)
        {
            LogFailed(logger, ex, session.Id, "callback");
            await EndAsync(session, CallParty.System, CallEndCause.Abnormal, 500, CancellationToken.None).ConfigureAwait(false);
        }
    }
}
