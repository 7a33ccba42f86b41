namespace CallCenter.Telephony.Acd;

/// <summary>A queue as the ACD needs it (Core builds it from CallQueue, its groups and their members).</summary>
/// <param name="Name">Routing name, e.g. "sales".</param>
/// <param name="DisplayName">Name for pages and logs.</param>
/// <param name="Strategy">How the next agent is picked.</param>
/// <param name="Members">The agents who serve it, in member order (priority, highest first, then extension; each agent once, at its highest priority).</param>
public sealed record AcdQueueConfig(string Name, string DisplayName, AcdStrategy Strategy, IReadOnlyList<AcdQueueMember> Members)
{
    /// <summary>How long one agent's phone rings before the call is offered to the next.</summary>
    public TimeSpan RingTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Longest wait before the call overflows.</summary>
    public TimeSpan MaxWait { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>After-call work after each of this queue's calls.</summary>
    public TimeSpan WrapUp { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Where a call goes after <see cref="MaxWait"/> (or when the queue is empty): another queue, voicemail, or a message and hang-up.</summary>
    public AcdOverflow Overflow { get; init; } = new(AcdOverflowKind.Voicemail, null);

    /// <summary>False: a call that finds no member logged in (and not NotReady) goes straight to the overflow.</summary>
    public bool JoinWhenEmpty { get; init; } = true;

    /// <summary>True: waiting calls overflow as soon as no member is logged in (and not NotReady).</summary>
    public bool LeaveWhenEmpty { get; init; }

    /// <summary>Whether callers hear their position and estimated wait.</summary>
    public bool AnnouncePosition { get; init; } = true;

    /// <summary>How often the position is announced.</summary>
    public TimeSpan AnnounceInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether callers are offered a callback (press 1: keep the place, hang up, be called back).</summary>
    public bool OfferCallback { get; init; }

    /// <summary>
    /// When the queue takes calls (营业时间), in the call center's local time; null: always open. The call flow asks
    /// <see cref="BusinessHours.IsOpen"/> so that a call out of hours goes to voicemail instead of waiting.
    /// </summary>
    public BusinessHours? Hours { get; init; }

    /// <summary>For <see cref="AcdStrategy.SkillsBased"/>: skill name → minimum level.</summary>
    public IReadOnlyDictionary<string, int> RequiredSkills { get; init; } = new Dictionary<string, int>();
}

/// <summary>An agent's membership of a queue.</summary>
/// <param name="Extension">The agent's extension.</param>
/// <param name="Priority">Higher is offered first by <see cref="AcdStrategy.Priority"/> (the group membership's priority).</param>
public sealed record AcdQueueMember(string Extension, int Priority);

/// <summary>Where an overflowing call goes.</summary>
/// <param name="Kind">Queue, voicemail or message and hang-up.</param>
/// <param name="Target">The other queue's name for <see cref="AcdOverflowKind.Queue"/>; else null.</param>
public sealed record AcdOverflow(AcdOverflowKind Kind, string? Target);

/// <summary>Kinds of overflow.</summary>
public enum AcdOverflowKind
{
    /// <summary>The queue's voicemail box (自动留言).</summary>
    Voicemail,

    /// <summary>Another queue (the caller keeps waiting there).</summary>
    Queue,

    /// <summary>A message, then hang-up.</summary>
    Hangup,
}
