using CallCenter.Telephony.Acd;
using CallCenter.Telephony.Events;

namespace CallCenter.Telephony.Calls;

public sealed partial class B2buaRequestHandler
{
    // A waiting call as the ACD sees it: an offer rings the chosen agents' phones (all at once for ring-all); the
    // first to answer is bridged to the caller, every other phone stops ringing (CANCEL, or BYE if it answered too).
    private sealed class QueuedCall(B2buaRequestHandler b2bua, CallSession session, int priority) : IQueuedCall
    {
        private readonly CancellationTokenSource _announcing = new();

        public Guid CallId => session.CallId;

        public string CallerNumber => session.From;

        public int Priority => priority;

        /// <summary>Cancelled when an agent answers: the queue's announcements and music stop before the bridge starts.</summary>
        public CancellationToken Announcing => _announcing.Token;

        /// <summary>The announcement loop, awaited before the caller is bridged (it must not start the music again).</summary>
        public Task Announcements { get; set; } = Task.CompletedTask;

        /// <summary>True once the caller asked to be called back (its leg is gone; the agent calls it).</summary>
        public bool IsCallback { get; set; }

        public Task<AcdOfferResult> OfferAsync(AcdOffer offer, CancellationToken cancellationToken) =>
            b2bua.OfferToAgentsAsync(session, this, offer, cancellationToken);

        public async Task StopAnnouncementsAsync()
        {
            await _announcing.CancelAsync().ConfigureAwait(false);
            await Announcements.ConfigureAwait(false);
        }
    }

    private async Task<AcdOfferResult> OfferToAgentsAsync(CallSession session, QueuedCall call, AcdOffer offer, CancellationToken cancellationToken)
    {
        var outcomes = new Dictionary<string, AcdOfferOutcome>();
        // A callback's agent is offered in any codec (the customer is called once it answers), else the caller's.
        var codec = call.IsCallback ? null : session.Caller.Media?.Audio?.Codec;
        if (session.IsEnded || (!call.IsCallback && codec is null))
        {
            foreach (var extension in offer.Extensions)
            {
                outcomes[extension] = AcdOfferOutcome.Cancelled;
            }
            return new AcdOfferResult(null, outcomes);
        }
        using var others = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var rings = offer.Extensions.ToDictionary(
            e => DialLegAsync(session, e, session.From, null, CallLegRole.Agent, codec, others.Token, publishAnswer: false, ringTimeout: offer.RingTimeout),
            e => e);
        string? winner = null;
        await foreach (var ring in Task.WhenEach(rings.Keys).ConfigureAwait(false))
        {
            var extension = rings[ring];
            var (leg, status) = await ring.ConfigureAwait(false);
            if (leg is null)
            {
                outcomes[extension] = others.IsCancellationRequested ? AcdOfferOutcome.Cancelled : OfferOutcomeOf(status);
                continue;
            }
            if (winner is not null || session.IsEnded)
            {
                // Answered a moment after another phone (ring-all), or the caller left meanwhile: released at once.
                await ReleaseAsync(session, leg).ConfigureAwait(false);
                outcomes[extension] = AcdOfferOutcome.Cancelled;
                continue;
            }
            winner = extension;
            outcomes[extension] = AcdOfferOutcome.Answered;
            await others.CancelAsync().ConfigureAwait(false);
            if (call.IsCallback)
            {
                _ = CallBackCustomerAsync(session, leg);
            }
            else
            {
                await ConnectAgentAsync(session, call, leg).ConfigureAwait(false);
            }
        }
        return new AcdOfferResult(winner, outcomes);
    }

    // The agent answered: the music stops, the caller is bridged to the agent (recorded by the rules); the call is answered.
    private async Task ConnectAgentAsync(CallSession session, QueuedCall call, CallLeg agent)
    {
        await call.StopAnnouncementsAsync().ConfigureAwait(false);
        session.StopPlaying(session.Caller);
        session.Listener = null;
        session.CallerHangupCause = CallEndCause.Normal;
        session.Callee = agent;
        MarkAnswered(session, agent, agent.Extension);
        StartBridge(session);
    }

    private static AcdOfferOutcome OfferOutcomeOf(int status) => status switch
    {
        408 => AcdOfferOutcome.NoAnswer,
        487 => AcdOfferOutcome.Cancelled,
        486 or 600 or 603 => AcdOfferOutcome.Refused,
        _ => AcdOfferOutcome.Unreachable,
    };
}
