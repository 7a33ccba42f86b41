using CallCenter.Telephony.Acd;
using CallCenter.Telephony.Events;

namespace CallCenter.Tests.Acd;

/// <summary>The agent state machine: commands, call-driven states and the races between them.</summary>
public class AcdAgentStateTests
{
    [Fact]
    public async Task LoginOfAnUnknownExtensionIsRefusedAndAnUnknownReasonToo()
    {
        using var h = new AcdHarness();
        h.Agent("1001");

        Assert.False((await h.Acd.LoginAsync("9999", CancellationToken.None)).Succeeded);
        await h.LoginAsync("1001");
        Assert.False(h.Acd.SetNotReady("1001", "coffee").Succeeded);

        Assert.Null(h.Acd.GetAgent("9999"));
        Assert.Equal([AgentStatus.Ready], h.StatusesOf("1001"));
    }

    [Fact]
    public async Task NotReadyWhileRingingWithdrawsTheOfferAndTheCallKeepsItsPlace()
    {
        using var h = new AcdHarness();
        h.Queue("sales", AcdStrategy.Priority, "1001", "1002");
        await h.LoginAsync("1001");
        var (first, firstEntry) = await h.EnqueueAsync("sales");
        var (second, secondEntry) = await h.EnqueueAsync("sales");
        var offer = await h.OfferOfAsync(first);

        var result = h.Acd.SetNotReady("1001", NotReadyReasons.Break);
        await offer.HandledAsync();

        Assert.True(result.Succeeded);
        Assert.True(offer.Token.IsCancellationRequested);
        Assert.Equal(AgentStatus.NotReady, h.StatusOf("1001"));
        Assert.Equal([AgentStatus.Ready, AgentStatus.Ringing, AgentStatus.NotReady], h.StatusesOf("1001"));
        Assert.Equal((1, 2), (firstEntry.Position, secondEntry.Position));
        Assert.False(firstEntry.Exit.IsCompleted);

        await h.LoginAsync("1002");
        var next = await h.OfferToAsync("1002");
        Assert.Same(first, next.Call);
        Assert.Empty(second.Offers);
        Assert.Equal(0, h.Acd.GetAgent("1001")!.MissedInRow);
    }

    [Fact]
    public async Task NotReadyRacingAnAnswerEndsTalkingThenNotReady()
    {
        using var h = new AcdHarness();
        h.Queue(new AcdQueueConfig("sales", "Sales", AcdStrategy.Priority, [new("1001", 0), new("1002", 0)]) { WrapUp = TimeSpan.FromSeconds(10) });
        await h.LoginAsync("1001");
        var (call, entry) = await h.EnqueueAsync("sales", honourCancellation: false);
        var offer = await h.OfferOfAsync(call);

        h.Acd.SetNotReady("1001", NotReadyReasons.Meal);
        Assert.True(offer.Token.IsCancellationRequested);
        // The phone answered before the cancel reached it; meanwhile the agent changed its mind: still not offerable.
        h.Acd.SetReady("1001");
        h.Acd.SetNotReady("1001", NotReadyReasons.Meal);
        await h.LoginAsync("1002");
        offer.Answer("1001");

        Assert.Equal(new QueueExit(QueueExitReason.Connected, "1001"), await AcdHarness.ExitOf(entry));
        var agent = h.Acd.GetAgent("1001")!;
        Assert.Equal(AgentStatus.Talking, agent.Status);
        Assert.Equal(NotReadyReasons.Meal, agent.PendingNotReadyReason);
        Assert.Equal(AgentStatus.Ready, h.StatusOf("1002"));
        Assert.Single(h.AllOffers);

        h.Time.Advance(TimeSpan.FromSeconds(60));
        h.EndCall(call.CallId);
        h.Time.Advance(TimeSpan.FromSeconds(10));

        var tail = h.EventsOf("1001").Select(e => (e.Status, e.Reason)).TakeLast(3);
        Assert.Equal([(AgentStatus.Talking, null), (AgentStatus.WrapUp, null), (AgentStatus.NotReady, NotReadyReasons.Meal)], tail);
    }

    [Fact]
    public async Task PhoneUnregisteredWhileReadyGoesNotReadyPhoneOffline()
    {
        using var h = new AcdHarness();
        h.Agent("1001");
        h.Register("1001", "sip:desk@192.0.2.10");
        h.Register("1001", "sip:soft@192.0.2.10");
        await h.LoginAsync("1001");

        h.Unregister("1001", "sip:desk@192.0.2.10");
        Assert.Equal(AgentStatus.Ready, h.StatusOf("1001"));

        h.Unregister("1001", "sip:soft@192.0.2.10");
        var agent = h.Acd.GetAgent("1001")!;
        Assert.Equal((AgentStatus.NotReady, NotReadyReasons.PhoneOffline), (agent.Status, agent.Reason));
    }

    [Fact]
    public async Task PhoneRegistrationExpiringWhileReadyGoesNotReadyPhoneOffline()
    {
        using var h = new AcdHarness();
        h.Agent("1001");
        h.Register("1001", expires: 120);
        await h.LoginAsync("1001");

        h.Time.Advance(TimeSpan.FromSeconds(119));
        Assert.Equal(AgentStatus.Ready, h.StatusOf("1001"));
        h.Time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(NotReadyReasons.PhoneOffline, h.Acd.GetAgent("1001")!.Reason);
    }

    [Fact]
    public async Task CustomerHangsUpWhileHeldGoesToWrapUp()
    {
        using var h = new AcdHarness();
        h.Queue(new AcdQueueConfig("sales", "Sales", AcdStrategy.Priority, [new("1001", 0)]) { WrapUp = TimeSpan.FromSeconds(20) });
        await h.LoginAsync("1001");
        var (call, _) = await h.EnqueueAsync("sales");
        var customerLeg = h.Calls.NewLegId();
        h.Calls.Publish(new LegStarted(call.CallId, h.Now, customerLeg, CallLegRole.Customer, "13800138000", null));
        var offer = await h.OfferOfAsync(call);
        var agentLeg = h.AgentLeg(call.CallId, "1001");
        h.Calls.Publish(new CallAnswered(call.CallId, h.Now, agentLeg, "1001"));
        offer.Answer("1001");

        h.Calls.Publish(new CallHeld(call.CallId, h.Now, agentLeg));
        Assert.Equal(AgentStatus.Held, h.StatusOf("1001"));
        h.Calls.Publish(new CallResumed(call.CallId, h.Now, agentLeg));
        Assert.Equal(AgentStatus.Talking, h.StatusOf("1001"));
        h.Calls.Publish(new CallHeld(call.CallId, h.Now, agentLeg));

        h.Calls.Publish(new LegEnded(call.CallId, h.Now, customerLeg, CallEndCause.Normal));
        Assert.Equal(AgentStatus.Held, h.StatusOf("1001"));
        h.Calls.Publish(new LegEnded(call.CallId, h.Now, agentLeg, CallEndCause.Normal));
        h.EndCall(call.CallId);

        Assert.Equal(AgentStatus.WrapUp, h.StatusOf("1001"));
        Assert.Equal(
            [AgentStatus.Ready, AgentStatus.Ringing, AgentStatus.Talking, AgentStatus.Held, AgentStatus.Talking, AgentStatus.Held, AgentStatus.WrapUp],
            h.StatusesOf("1001"));
    }

    [Fact]
    public async Task MissedOffersSetNotReadyMissedCall()
    {
        using var h = new AcdHarness();
        h.Agent("1001", maxMissedOffers: 2);
        h.Queue("sales", AcdStrategy.Priority, "1001");
        await h.LoginAsync("1001");
        var (call, entry) = await h.EnqueueAsync("sales");

        (await h.OfferOfAsync(call)).Fail(AcdOfferOutcome.NoAnswer);
        Assert.Equal(1, h.Acd.GetAgent("1001")!.MissedInRow);
        // Withdrawn or lost to another phone: not the agent's fault.
        (await h.OfferOfAsync(call)).Fail(AcdOfferOutcome.Cancelled);
        Assert.Equal(1, h.Acd.GetAgent("1001")!.MissedInRow);
        (await h.OfferOfAsync(call)).Fail(AcdOfferOutcome.Refused);

        var agent = h.Acd.GetAgent("1001")!;
        Assert.Equal((AgentStatus.NotReady, NotReadyReasons.MissedCall), (agent.Status, agent.Reason));
        Assert.Equal(3, call.Offers.Count);
        Assert.Equal(1, entry.Position);
        Assert.False(entry.Exit.IsCompleted);

        // Back to Ready: the count starts again.
        h.Acd.SetReady("1001");
        (await h.OfferOfAsync(call)).Fail(AcdOfferOutcome.NoAnswer);
        Assert.Equal(AgentStatus.Ringing, h.StatusOf("1001"));
    }

    [Fact]
    public async Task UnreachablePhoneGoesNotReadyPhoneOffline()
    {
        using var h = new AcdHarness();
        h.Queue("sales", AcdStrategy.Priority, "1001");
        await h.LoginAsync("1001");
        var (call, _) = await h.EnqueueAsync("sales");

        (await h.OfferOfAsync(call)).Fail(AcdOfferOutcome.Unreachable);

        Assert.Equal(NotReadyReasons.PhoneOffline, h.Acd.GetAgent("1001")!.Reason);
        Assert.Single(call.Offers);
    }

    [Fact]
    public async Task WrapUpEndsAfterQueueDurationThenReady()
    {
        using var h = new AcdHarness();
        h.Queue(new AcdQueueConfig("sales", "Sales", AcdStrategy.Priority, [new("1001", 0)]) { WrapUp = TimeSpan.FromSeconds(30) });
        await h.LoginAsync("1001");
        var (call, _) = await h.EnqueueAsync("sales");
        (await h.OfferOfAsync(call)).Answer("1001");
        h.Time.Advance(TimeSpan.FromSeconds(45));
        h.EndCall(call.CallId);
        var endedAt = h.Now;

        Assert.Equal(endedAt.AddSeconds(30), h.Acd.GetAgent("1001")!.WrapUpEndsAt);
        h.Time.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(AgentStatus.WrapUp, h.StatusOf("1001"));
        h.Time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(AgentStatus.Ready, h.StatusOf("1001"));
        Assert.Equal(endedAt.AddSeconds(30), h.EventsOf("1001")[^1].At);
        Assert.Equal(endedAt.AddSeconds(30), h.Acd.GetAgent("1001")!.IdleSince);
    }

    [Fact]
    public async Task ExtendWrapUp()
    {
        using var h = new AcdHarness();
        h.Queue(new AcdQueueConfig("sales", "Sales", AcdStrategy.Priority, [new("1001", 0)]) { WrapUp = TimeSpan.FromSeconds(30) });
        await h.LoginAsync("1001");
        Assert.False(h.Acd.ExtendWrapUp("1001", TimeSpan.FromSeconds(20)).Succeeded);
        var (call, _) = await h.EnqueueAsync("sales");
        (await h.OfferOfAsync(call)).Answer("1001");
        h.EndCall(call.CallId);

        h.Time.Advance(TimeSpan.FromSeconds(10));
        Assert.True(h.Acd.ExtendWrapUp("1001", TimeSpan.FromSeconds(20)).Succeeded);
        h.Time.Advance(TimeSpan.FromSeconds(39));
        Assert.Equal(AgentStatus.WrapUp, h.StatusOf("1001"));
        h.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(AgentStatus.Ready, h.StatusOf("1001"));
        Assert.Single(h.EventsOf("1001"), e => e.Status == AgentStatus.WrapUp);
    }

    [Fact]
    public async Task NotReadyAndLogoutDuringACallAreAppliedAfterItAndReadyInWrapUpEndsItNow()
    {
        using var h = new AcdHarness();
        h.Queue(new AcdQueueConfig("sales", "Sales", AcdStrategy.Priority, [new("1001", 0)]) { WrapUp = TimeSpan.FromSeconds(30) });
        await h.LoginAsync("1001");

        var (first, _) = await h.EnqueueAsync("sales");
        (await h.OfferOfAsync(first)).Answer("1001");
        Assert.True(h.Acd.SetNotReady("1001", NotReadyReasons.Training).Succeeded);
        Assert.Equal(AgentStatus.Talking, h.StatusOf("1001"));
        h.EndCall(first.CallId);
        Assert.Equal(NotReadyReasons.Training, h.Acd.GetAgent("1001")!.PendingNotReadyReason);
        h.Time.Advance(TimeSpan.FromSeconds(5));
        h.Acd.SetReady("1001");
        Assert.Equal(AgentStatus.Ready, h.StatusOf("1001"));

        var (second, _) = await h.EnqueueAsync("sales");
        (await h.OfferOfAsync(second)).Answer("1001");
        var logout = h.Acd.Logout("1001");
        Assert.False(logout.Succeeded);
        Assert.True(logout.State!.PendingLogout);
        h.EndCall(second.CallId);
        h.Time.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal(
            [AgentStatus.Ready, AgentStatus.Ringing, AgentStatus.Talking, AgentStatus.WrapUp, AgentStatus.Ready,
             AgentStatus.Ringing, AgentStatus.Talking, AgentStatus.WrapUp, AgentStatus.LoggedOut],
            h.StatusesOf("1001"));
    }

    [Fact]
    public async Task DirectCallToAReadyAgentRingsTalksAndReturnsToReadyWithoutWrapUp()
    {
        using var h = new AcdHarness();
        h.Agent("1001");
        h.Agent("1002");
        await h.LoginAsync("1001", "1002");
        h.Acd.SetNotReady("1002", NotReadyReasons.Other);
        var callId = h.Calls.NewCallId();

        var leg = h.AgentLeg(callId, "1001");
        var otherLeg = h.AgentLeg(callId, "1002");
        Assert.Equal(AgentStatus.Ringing, h.StatusOf("1001"));
        h.Calls.Publish(new CallAnswered(callId, h.Now, leg, "1001"));
        Assert.Equal(AgentStatus.Talking, h.StatusOf("1001"));
        h.Calls.Publish(new LegEnded(callId, h.Now, leg, CallEndCause.Normal));
        h.Calls.Publish(new LegEnded(callId, h.Now, otherLeg, CallEndCause.Normal));
        h.EndCall(callId);

        Assert.Equal([AgentStatus.Ready, AgentStatus.Ringing, AgentStatus.Talking, AgentStatus.Ready], h.StatusesOf("1001"));
        Assert.Null(h.EventsOf("1001")[1].Queue);
        Assert.Equal([AgentStatus.Ready, AgentStatus.NotReady], h.StatusesOf("1002"));
        Assert.Equal(0, h.Acd.GetAgent("1001")!.AnsweredToday);
    }

    [Fact]
    public void AgentsNeverLoggedInAreIgnored()
    {
        using var h = new AcdHarness();
        h.Agent("1001");
        var callId = h.Calls.NewCallId();
        h.AgentLeg(callId, "1001");
        h.EndCall(callId);

        Assert.Null(h.Acd.GetAgent("1001"));
        Assert.Empty(h.Events);
    }
}
