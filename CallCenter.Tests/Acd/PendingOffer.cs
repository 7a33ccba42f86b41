using CallCenter.Telephony.Acd;

namespace CallCenter.Tests.Acd;

/// <summary>
/// One offer a <see cref="ScriptedQueuedCall"/> received, completed by the test. Its task completes synchronously
/// (no RunContinuationsAsynchronously): the ACD handles the result before <see cref="Complete"/> returns.
/// </summary>
internal sealed class PendingOffer
{
    private readonly TaskCompletionSource<AcdOfferResult> _result = new();

    public PendingOffer(ScriptedQueuedCall call, AcdOffer offer, CancellationToken cancellationToken, bool honourCancellation, DateTimeOffset at)
    {
        Call = call;
        Offer = offer;
        Token = cancellationToken;
        At = at;
        if (honourCancellation)
        {
            // What the B2BUA does: the phones stop ringing, nobody answered.
            cancellationToken.Register(() => _result.TrySetResult(All(AcdOfferOutcome.Cancelled)));
        }
    }

    public ScriptedQueuedCall Call { get; }

    public AcdOffer Offer { get; }

    public CancellationToken Token { get; }

    /// <summary>When the offer arrived, on the test's clock.</summary>
    public DateTimeOffset At { get; }

    public Task<AcdOfferResult> Task => _result.Task;

    public bool IsCompleted => _result.Task.IsCompleted;

    public void Answer(string extension) => Complete(new AcdOfferResult(
        extension,
        Offer.Extensions.ToDictionary(e => e, e => e == extension ? AcdOfferOutcome.Answered : AcdOfferOutcome.Cancelled)));

    public void Fail(AcdOfferOutcome outcome) => Complete(All(outcome));

    /// <summary>Ends the offer with <paramref name="result"/> and returns once the ACD has acted on it.</summary>
    public void Complete(AcdOfferResult result)
    {
        if (!_result.TrySetResult(result))
        {
            throw new InvalidOperationException("The offer already ended.");
        }
        // The ACD may not be awaiting the offer yet (it runs on the thread pool): then it handles the result there.
        if (!HandledAsync().Wait(TimeSpan.FromSeconds(10)))
        {
            throw new TimeoutException("The ACD did not handle the offer's result.");
        }
    }

    /// <summary>Completes once the ACD handled this offer's result (after an answer, a failure or a cancellation).</summary>
    public Task HandledAsync() => Call.Harness.Acd.WhenOfferHandledAsync(Token);

    private AcdOfferResult All(AcdOfferOutcome outcome) => new(null, Offer.Extensions.ToDictionary(e => e, _ => outcome));
}
