namespace CallCenter.Telephony.Acd;

/// <summary>One offer of a queued call to the agents reserved for it, from reservation until its result is handled.</summary>
internal sealed class OfferRun(QueueEntry entry, IReadOnlyList<string> extensions, TimeSpan ringTimeout)
{
    public QueueEntry Entry { get; } = entry;

    public IReadOnlyList<string> Extensions { get; } = extensions;

    public TimeSpan RingTimeout { get; } = ringTimeout;

    /// <summary>Cancelled (outside the lock) when the offer is withdrawn or the caller leaves.</summary>
    public CancellationTokenSource Cancellation { get; } = new();

    /// <summary>The agent connected to the call, once known (from the call event stream or the offer's result).</summary>
    public string? AnsweredBy { get; set; }

    /// <summary>True once the offer's result was handled.</summary>
    public bool Finished { get; set; }

    /// <summary>Completes after the offer's result was handled and its effects applied.</summary>
    public TaskCompletionSource Handled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
