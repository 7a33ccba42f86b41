using System.Collections.Concurrent;

namespace CallCenter.Telephony.Acd;

// Running an offer (outside the lock) and handling its result (under it).
public sealed partial class AcdService
{
    private readonly ConcurrentDictionary<CancellationToken, OfferRun> _running = new();

    private async Task RunOfferAsync(OfferRun run)
    {
        AcdOfferResult result;
        try
        {
            LogOffer(_logger, run.Entry.Queue, run.Entry.Call.CallId, string.Join(",", run.Extensions));
            var offer = new AcdOffer(run.Entry.Queue, run.Extensions, run.RingTimeout);
            result = await run.Entry.Call.OfferAsync(offer, run.Cancellation.Token).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // The contract says an offer never throws; if one does, or reports its cancellation by throwing, nobody answered.
            if (ex is not OperationCanceledException)
            {
                LogOfferFailed(_logger, ex, run.Entry.Queue, run.Entry.Call.CallId);
            }
            result = new AcdOfferResult(null, run.Extensions.ToDictionary(e => e, _ => AcdOfferOutcome.Cancelled, StringComparer.Ordinal));
        }
        Mutate(effects => HandleOfferResult(run, result, effects));
        _running.TryRemove(run.Cancellation.Token, out _);
        run.Handled.TrySetResult();
        run.Cancellation.Dispose();
    }

    /// <summary>Offers whose result has not been handled yet.</summary>
    internal int RunningOffers => _running.Count;

    /// <summary>
    /// Completes once the offer that was given <paramref name="offerToken"/> has been handled (at once if it was, or if
    /// no offer had it): lets a caller that completed an offer wait for the ACD to act on it.
    /// </summary>
    internal Task WhenOfferHandledAsync(CancellationToken offerToken) =>
        _running.TryGetValue(offerToken, out var run) ? run.Handled.Task : Task.CompletedTask;

    private void HandleOfferResult(OfferRun run, AcdOfferResult result, AcdEffects effects)
    {
        run.Finished = true;
        var entry = run.Entry;
        if (entry.Offer == run)
        {
            entry.Offer = null;
        }
        var answeredBy = run.AnsweredBy ?? (result.AnsweredBy is { } answer && run.Extensions.Contains(answer) ? answer : null);
        foreach (var extension in run.Extensions)
        {
            if (!_agents.TryGetValue(extension, out var agent))
            {
                continue;
            }
            if (extension == answeredBy)
            {
                Connect(agent, run);
                continue;
            }
            if (agent.WithdrawnOffer == run)
            {
                // NotReady while ringing: already out of the offer; nothing it did then counts as a miss.
                agent.WithdrawnOffer = null;
                continue;
            }
            if (agent.Offer != run)
            {
                continue;
            }
            agent.Offer = null;
            var outcome = result.Outcomes.TryGetValue(extension, out var o) ? o : AcdOfferOutcome.Cancelled;
            Release(agent, outcome);
        }
        if (entry.HasLeft)
        {
            // Abandoned while ringing (its exit was completed then).
        }
        else if (answeredBy is not null)
        {
            Leave(entry, new QueueExit(QueueExitReason.Connected, answeredBy), effects);
        }
        else if (entry.MaxWaitDue)
        {
            Leave(entry, new QueueExit(QueueExitReason.MaxWait), effects);
        }
        Reconcile(effects);
    }

    /// <summary>An agent whose phone stopped ringing without the call: Ready again, or NotReady when the phone is the problem.</summary>
    private void Release(LiveAgent agent, AcdOfferOutcome outcome)
    {
        if (agent.PendingLogout)
        {
            LogOutNow(agent);
            return;
        }
        switch (outcome)
        {
            case AcdOfferOutcome.NoAnswer or AcdOfferOutcome.Refused:
                agent.MissedInRow++;
                var max = agent.Config.MaxMissedOffers;
                Enter(agent, max > 0 && agent.MissedInRow >= max ? AgentStatus.NotReady : AgentStatus.Ready,
                    max > 0 && agent.MissedInRow >= max ? NotReadyReasons.MissedCall : null);
                break;
            case AcdOfferOutcome.Unreachable:
                Enter(agent, AgentStatus.NotReady, NotReadyReasons.PhoneOffline);
                break;
            default:
                Enter(agent, AgentStatus.Ready);
                break;
        }
    }
}
