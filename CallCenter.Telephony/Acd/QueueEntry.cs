namespace CallCenter.Telephony.Acd;

/// <summary>
/// One call's place in a queue, from <see cref="AcdService.EnqueueAsync"/> until <see cref="Exit"/> completes
/// (exactly once). The B2BUA waits on <see cref="Exit"/> and reads <see cref="Position"/> and
/// <see cref="EstimatedWait"/> for its announcements.
/// </summary>
public sealed class QueueEntry
{
    private readonly TaskCompletionSource<QueueExit> _exit = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal QueueEntry(string queue, IQueuedCall call, DateTimeOffset enqueuedAt, long sequence)
    {
        Queue = queue;
        Call = call;
        EnqueuedAt = enqueuedAt;
        Sequence = sequence;
    }

    /// <summary>The queue's name.</summary>
    public string Queue { get; }

    /// <summary>The waiting call.</summary>
    public IQueuedCall Call { get; }

    /// <summary>When it joined (a callback keeps this place).</summary>
    public DateTimeOffset EnqueuedAt { get; }

    /// <summary>Arrival order across the ACD (ties within one priority).</summary>
    internal long Sequence { get; }

    /// <summary>Completes once when the call leaves the queue, with why.</summary>
    public Task<QueueExit> Exit => _exit.Task;

    /// <summary>True once the caller asked to be called back: it keeps its place, and the maximum wait no longer applies.</summary>
    public bool IsCallback { get; internal set; }

    /// <summary>1-based place among the calls waiting in this queue (priority, then arrival); 0 once it left.</summary>
    public int Position { get; internal set; }

    /// <summary>Estimated time to an answer, from the queue's recent handle times and its Ready/busy agents.</summary>
    public TimeSpan EstimatedWait { get; internal set; }

    /// <summary>The offer ringing for this call, else null (a call never has two at once).</summary>
    internal OfferRun? Offer { get; set; }

    /// <summary>The maximum-wait timer, until the call leaves or asks for a callback.</summary>
    internal ITimer? MaxWaitTimer { get; set; }

    /// <summary>The maximum wait passed while an offer was ringing: applied when that offer fails.</summary>
    internal bool MaxWaitDue { get; set; }

    /// <summary>True once the call left the queue (its exit is being or was completed).</summary>
    internal bool HasLeft { get; set; }

    internal bool TryComplete(QueueExit exit) => _exit.TrySetResult(exit);
}
