namespace CallCenter.Telephony.Acd;

/// <summary>
/// What a change under the ACD's lock asks to be done once the lock is released: exits to complete, offers to cancel
/// and offers to start. Each can run other code inline (continuations, the B2BUA's cancellation callbacks), which must
/// never run while the lock is held.
/// </summary>
internal sealed class AcdEffects
{
    public List<(QueueEntry Entry, QueueExit Exit)> Exits { get; } = [];

    public List<CancellationTokenSource> Cancellations { get; } = [];

    public List<OfferRun> Offers { get; } = [];
}
