using CallCenter.Telephony.Acd;

namespace CallCenter.Tests.Acd;

/// <summary>A queued call whose offers the test answers, refuses or lets time out (<see cref="PendingOffer"/>).</summary>
internal sealed class ScriptedQueuedCall(AcdHarness harness, Guid callId, int priority) : IQueuedCall
{
    private readonly List<PendingOffer> _offers = [];

    public AcdHarness Harness { get; } = harness;

    public Guid CallId { get; } = callId;

    public string CallerNumber => "13800138000";

    public int Priority { get; } = priority;

    /// <summary>False: a cancelled offer keeps ringing until the test completes it (an answer racing the cancel).</summary>
    public bool HonourCancellation { get; set; } = true;

    public IReadOnlyList<PendingOffer> Offers
    {
        get
        {
            lock (_offers)
            {
                return [.. _offers];
            }
        }
    }

    public Task<AcdOfferResult> OfferAsync(AcdOffer offer, CancellationToken cancellationToken)
    {
        var pending = new PendingOffer(this, offer, cancellationToken, HonourCancellation, Harness.Time.GetUtcNow());
        lock (_offers)
        {
            _offers.Add(pending);
        }
        Harness.OfferArrived(pending);
        return pending.Task;
    }
}
