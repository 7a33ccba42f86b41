namespace CallCenter.Telephony.Acd;

/// <summary>Why a call left its queue.</summary>
/// <param name="Reason">Why.</param>
/// <param name="Agent">For <see cref="QueueExitReason.Connected"/>: the extension that answered.</param>
public sealed record QueueExit(QueueExitReason Reason, string? Agent = null);

/// <summary>Reasons a call leaves a queue.</summary>
public enum QueueExitReason
{
    /// <summary>An agent answered.</summary>
    Connected,

    /// <summary>The caller hung up while waiting (<see cref="AcdService.Abandon"/>).</summary>
    Abandoned,

    /// <summary>It waited the queue's maximum: the B2BUA sends it to the queue's overflow.</summary>
    MaxWait,

    /// <summary>No member is logged in (join-empty refused, or leave-when-empty): the B2BUA sends it to the overflow.</summary>
    Empty,
}
