using CallCenter.Telephony.Acd;

namespace CallCenter.Tests.Acd;

/// <summary>Calls in queues: joining, leaving, callbacks and estimated waits.</summary>
public class AcdQueueTests
{
    private static AcdQueueConfig Queue(string name, params string[] members) =>
        new(name, name, AcdStrategy.Priority, [.. members.Select(m => new AcdQueueMember(m, 0))]) { WrapUp = TimeSpan.Zero };

    [Fact]
    public async Task UnknownQueueGivesNoEntry()
    {
        using var h = new AcdHarness();
        Assert.Null(await h.Acd.EnqueueAsync("nowhere", new ScriptedQueuedCall(h, Guid.NewGuid(), 0), CancellationToken.None));
    }

    [Fact]
    public async Task MaxWaitExitsWithMaxWait()
    {
        using var h = new AcdHarness();
        h.Queue(Queue("sales", "1001") with { MaxWait = TimeSpan.FromSeconds(60) });
        var (_, entry) = await h.EnqueueAsync("sales");

        h.Time.Advance(TimeSpan.FromSeconds(59));
        Assert.False(entry.Exit.IsCompleted);
        h.Time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(QueueExitReason.MaxWait, (await AcdHarness.ExitOf(entry)).Reason);
        Assert.Equal(0, entry.Position);
        Assert.Empty(h.Acd.GetWaiting("sales"));
    }

    [Fact]
    public async Task MaxWaitDuringARingingOfferIsAppliedWhenTheOfferFails()
    {
        using var h = new AcdHarness();
        h.Queue(Queue("sales", "1001") with { MaxWait = TimeSpan.FromSeconds(60) });
        await h.LoginAsync("1001");
        var (call, entry) = await h.EnqueueAsync("sales");
        var offer = await h.OfferOfAsync(call);

        h.Time.Advance(TimeSpan.FromSeconds(70));
        Assert.False(offer.Token.IsCancellationRequested);
        Assert.False(entry.Exit.IsCompleted);
        offer.Fail(AcdOfferOutcome.NoAnswer);

        Assert.Equal(QueueExitReason.MaxWait, (await AcdHarness.ExitOf(entry)).Reason);
        Assert.Equal(AgentStatus.Ready, h.StatusOf("1001"));
        Assert.Single(call.Offers);
    }

    [Fact]
    public async Task JoinEmptyRefused()
    {
        using var h = new AcdHarness();
        h.Queue(Queue("sales", "1001", "1002") with { JoinWhenEmpty = false });
        var (_, nobody) = await h.EnqueueAsync("sales");
        Assert.Equal(QueueExitReason.Empty, (await AcdHarness.ExitOf(nobody)).Reason);

        await h.LoginAsync("1001");
        h.Acd.SetNotReady("1001", NotReadyReasons.Break);
        var (_, onlyNotReady) = await h.EnqueueAsync("sales");
        Assert.Equal(QueueExitReason.Empty, (await AcdHarness.ExitOf(onlyNotReady)).Reason);
        Assert.Empty(h.Acd.GetWaiting("sales"));

        await h.LoginAsync("1002");
        var (call, joined) = await h.EnqueueAsync("sales");
        Assert.False(joined.Exit.IsCompleted);
        Assert.Equal(["1002"], (await h.OfferOfAsync(call)).Offer.Extensions);
    }

    [Fact]
    public async Task LeaveWhenEmpty()
    {
        using var h = new AcdHarness();
        h.Queue(Queue("other", "1001"));
        h.Queue(Queue("sales", "1001") with { LeaveWhenEmpty = true });
        await h.LoginAsync("1001");
        var (otherCall, _) = await h.EnqueueAsync("other");
        var otherOffer = await h.OfferOfAsync(otherCall);
        // 1001 rings for the other queue: sales is not empty.
        var (_, waiting) = await h.EnqueueAsync("sales");
        var (_, callback) = await h.EnqueueAsync("sales");
        h.Acd.RequestCallback(callback);
        Assert.False(waiting.Exit.IsCompleted);

        h.Acd.SetNotReady("1001", NotReadyReasons.Meeting);
        await otherOffer.HandledAsync();

        Assert.Equal(QueueExitReason.Empty, (await AcdHarness.ExitOf(waiting)).Reason);
        Assert.False(callback.Exit.IsCompleted);
        Assert.Equal(1, callback.Position);
    }

    [Fact]
    public async Task CallbackKeepsPlaceAndIgnoresMaxWait()
    {
        using var h = new AcdHarness();
        h.Queue(Queue("sales", "1001") with { MaxWait = TimeSpan.FromSeconds(60) });
        var (first, callback) = await h.EnqueueAsync("sales");
        h.Time.Advance(TimeSpan.FromSeconds(10));
        var (_, other) = await h.EnqueueAsync("sales");
        h.Acd.RequestCallback(callback);
        Assert.True(callback.IsCallback);

        h.Time.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(QueueExitReason.MaxWait, (await AcdHarness.ExitOf(other)).Reason);
        Assert.False(callback.Exit.IsCompleted);
        Assert.Equal(1, callback.Position);
        await h.LoginAsync("1001");
        (await h.OfferOfAsync(first)).Answer("1001");
        Assert.Equal(QueueExitReason.Connected, (await AcdHarness.ExitOf(callback)).Reason);
    }

    [Fact]
    public async Task AbandonWhileRingingCancelsTheOfferAndFreesTheAgent()
    {
        using var h = new AcdHarness();
        h.Queue(Queue("sales", "1001"));
        await h.LoginAsync("1001");
        var (call, entry) = await h.EnqueueAsync("sales");
        var (next, _) = await h.EnqueueAsync("sales");
        var offer = await h.OfferOfAsync(call);

        h.Acd.Abandon(entry);
        await offer.HandledAsync();

        Assert.Equal(QueueExitReason.Abandoned, (await AcdHarness.ExitOf(entry)).Reason);
        Assert.True(offer.Token.IsCancellationRequested);
        Assert.Equal(AgentStatus.Ringing, h.StatusOf("1001"));
        Assert.Equal(next.CallId, h.Acd.GetAgent("1001")!.CallId);
        Assert.Equal(0, h.Acd.GetAgent("1001")!.MissedInRow);
    }

    [Fact]
    public async Task EstimatedWaitFromRecentHandleTimes()
    {
        using var h = new AcdHarness();
        h.Queue(Queue("sales", "1001") with { WrapUp = TimeSpan.FromSeconds(10) });
        await h.LoginAsync("1001");
        h.Acd.SetNotReady("1001", NotReadyReasons.Break);

        // No history, nobody present: the default handle time per position.
        var (_, lone) = await h.EnqueueAsync("sales");
        Assert.Equal(TimeSpan.FromSeconds(180), lone.EstimatedWait);
        h.Acd.Abandon(lone);
        h.Acd.SetReady("1001");

        foreach (var talk in new[] { 50, 110 })
        {
            var (call, _) = await h.EnqueueAsync("sales");
            (await h.OfferOfAsync(call)).Answer("1001");
            h.Time.Advance(TimeSpan.FromSeconds(talk));
            h.EndCall(call.CallId);
            h.Time.Advance(TimeSpan.FromSeconds(10));
        }
        // Handle times 60 s and 120 s: 90 s on average.
        var (busy, _) = await h.EnqueueAsync("sales");
        (await h.OfferOfAsync(busy)).Answer("1001");
        var (_, e1) = await h.EnqueueAsync("sales");
        var (_, e2) = await h.EnqueueAsync("sales");
        var (_, e3) = await h.EnqueueAsync("sales", priority: 5);

        Assert.Equal((1, 2, 3), (e3.Position, e1.Position, e2.Position));
        Assert.Equal([90, 180, 270], new[] { e3, e1, e2 }.Select(e => (int)e.EstimatedWait.TotalSeconds));

        h.Acd.Abandon(e3);
        Assert.Equal((1, 90), (e1.Position, (int)e1.EstimatedWait.TotalSeconds));
    }
}
