namespace CallCenter.Telephony.Acd;

/// <summary>
/// A call waiting in a queue, as the ACD sees it. The B2BUA implements it: the caller is answered and hears
/// music and announcements while the ACD looks for an agent; an offer rings the chosen agents' phones.
/// </summary>
public interface IQueuedCall
{
    /// <summary>The call's id on the call event stream.</summary>
    Guid CallId { get; }

    /// <summary>The caller's number.</summary>
    string CallerNumber { get; }

    /// <summary>Caller priority: higher waits ahead of lower (VIP customers 10, everyone else 0); arrival order within one.</summary>
    int Priority { get; }

    /// <summary>
    /// Rings <see cref="AcdOffer.Extensions"/> (one agent, or every one for ring-all) for at most
    /// <see cref="AcdOffer.RingTimeout"/>; the first to answer is connected to the caller and every other phone stops
    /// ringing at once. Completes when the call is connected or every phone has stopped ringing; never throws for a
    /// failed phone (its outcome says why). Cancelled when the caller leaves (the phones stop ringing).
    /// </summary>
    Task<AcdOfferResult> OfferAsync(AcdOffer offer, CancellationToken cancellationToken);
}

/// <summary>What the ACD asks a queued call to ring.</summary>
/// <param name="Queue">The queue's name.</param>
/// <param name="Extensions">The agents reserved for this offer (each is in <see cref="AgentStatus.Ringing"/>).</param>
/// <param name="RingTimeout">How long the phones ring.</param>
public sealed record AcdOffer(string Queue, IReadOnlyList<string> Extensions, TimeSpan RingTimeout);

/// <summary>How an offer ended.</summary>
/// <param name="AnsweredBy">The extension now talking to the caller, or null.</param>
/// <param name="Outcomes">Per offered extension, what happened to its phone.</param>
public sealed record AcdOfferResult(string? AnsweredBy, IReadOnlyDictionary<string, AcdOfferOutcome> Outcomes);

/// <summary>What happened to one agent's phone during an offer.</summary>
public enum AcdOfferOutcome
{
    /// <summary>It answered and got the call.</summary>
    Answered,

    /// <summary>It rang until the ring timeout: a missed offer.</summary>
    NoAnswer,

    /// <summary>It refused (busy, decline): a missed offer.</summary>
    Refused,

    /// <summary>It could not be reached (not registered, 408/480/5xx): the phone is offline.</summary>
    Unreachable,

    /// <summary>It stopped ringing because another phone answered, the caller left, or the offer was withdrawn: not the agent's fault.</summary>
    Cancelled,
}
