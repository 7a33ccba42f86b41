using CallCenter.Telephony.Acd;

namespace CallCenter.Tests.Acd;

/// <summary>Each strategy, through the engine: who is offered the next call.</summary>
public class AcdStrategyTests
{
    [Fact]
    public async Task PriorityAlwaysOffersTheTopReadyAgent()
    {
        using var h = new AcdHarness();
        h.Queue(new AcdQueueConfig("sales", "Sales", AcdStrategy.Priority,
            [new AcdQueueMember("1001", 1), new AcdQueueMember("1002", 5), new AcdQueueMember("1003", 5)]) { WrapUp = TimeSpan.Zero });
        await h.LoginAsync("1001", "1002", "1003");

        var (first, _) = await h.EnqueueAsync("sales");
        var offer = await h.OfferOfAsync(first);
        Assert.Equal(["1002"], offer.Offer.Extensions);
        offer.Answer("1002");

        var (second, _) = await h.EnqueueAsync("sales");
        Assert.Equal(["1003"], (await h.OfferOfAsync(second)).Offer.Extensions);

        // 1002 is free again: it is the top Ready agent for the next call, ahead of 1001.
        h.EndCall(first.CallId);
        var (third, _) = await h.EnqueueAsync("sales");
        Assert.Equal(["1002"], (await h.OfferOfAsync(third)).Offer.Extensions);
    }

    [Fact]
    public async Task RoundRobinSpreadsCallsEvenly()
    {
        using var h = new AcdHarness();
        h.Queue("sales", AcdStrategy.RoundRobin, "1001", "1002", "1003");
        await h.LoginAsync("1001", "1002", "1003");
        var counts = new Dictionary<string, int>();
        var order = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            var (call, entry) = await h.EnqueueAsync("sales");
            var offer = await h.OfferOfAsync(call);
            var agent = Assert.Single(offer.Offer.Extensions);
            order.Add(agent);
            counts[agent] = counts.GetValueOrDefault(agent) + 1;
            offer.Answer(agent);
            Assert.Equal(new QueueExit(QueueExitReason.Connected, agent), await AcdHarness.ExitOf(entry));
            h.Time.Advance(TimeSpan.FromSeconds(30));
            h.EndCall(call.CallId);
        }
        Assert.Equal(3, counts.Count);
        Assert.True(counts.Values.Max() - counts.Values.Min() <= 1, string.Join(",", order));
        Assert.Equal(["1001", "1002", "1003", "1001"], order[..4]);
    }

    [Fact]
    public async Task RingAllOffersEveryReadyAgentAndTheOthersReturnToReady()
    {
        using var h = new AcdHarness();
        h.Queue("sales", AcdStrategy.RingAll, "1001", "1002", "1003", "1004");
        await h.LoginAsync("1001", "1002", "1003", "1004");
        h.Acd.SetNotReady("1004", NotReadyReasons.Break);

        var (call, entry) = await h.EnqueueAsync("sales");
        var offer = await h.OfferOfAsync(call);
        Assert.Equal(["1001", "1002", "1003"], offer.Offer.Extensions);
        Assert.All(["1001", "1002", "1003"], e => Assert.Equal(AgentStatus.Ringing, h.StatusOf(e)));

        offer.Answer("1002");

        Assert.Equal(new QueueExit(QueueExitReason.Connected, "1002"), await AcdHarness.ExitOf(entry));
        Assert.Equal(AgentStatus.Talking, h.StatusOf("1002"));
        Assert.Equal(AgentStatus.Ready, h.StatusOf("1001"));
        Assert.Equal(AgentStatus.Ready, h.StatusOf("1003"));
        Assert.Equal(AgentStatus.NotReady, h.StatusOf("1004"));
        Assert.Equal(0, h.Acd.GetAgent("1001")!.MissedInRow);
        Assert.Single(h.AllOffers);
    }

    [Fact]
    public async Task SkillsBasedNeverOffersAnUnqualifiedAgent()
    {
        using var h = new AcdHarness();
        h.Agent("1001", skills: new Dictionary<string, int> { ["english"] = 4 });
        h.Agent("1002", skills: new Dictionary<string, int> { ["english"] = 6 });
        h.Agent("1003", skills: new Dictionary<string, int> { ["french"] = 9 });
        h.Agent("1004", skills: new Dictionary<string, int> { ["english"] = 9 });
        h.Queue(new AcdQueueConfig("en", "English", AcdStrategy.SkillsBased,
            [new("1001", 0), new("1002", 0), new("1003", 0), new("1004", 0)])
        {
            WrapUp = TimeSpan.Zero,
            RequiredSkills = new Dictionary<string, int> { ["english"] = 5 },
        });
        await h.LoginAsync("1001", "1002", "1003", "1004");

        var (first, _) = await h.EnqueueAsync("en");
        var firstOffer = await h.OfferOfAsync(first);
        Assert.Equal(["1004"], firstOffer.Offer.Extensions);
        firstOffer.Answer("1004");
        var (second, _) = await h.EnqueueAsync("en");
        var secondOffer = await h.OfferOfAsync(second);
        Assert.Equal(["1002"], secondOffer.Offer.Extensions);
        secondOffer.Answer("1002");

        var (third, thirdEntry) = await h.EnqueueAsync("en");

        Assert.Empty(third.Offers);
        Assert.Equal(1, thirdEntry.Position);
        Assert.Equal(AgentStatus.Ready, h.StatusOf("1001"));
        Assert.Equal(AgentStatus.Ready, h.StatusOf("1003"));
        Assert.DoesNotContain(h.AllOffers, o => o.Offer.Extensions.Contains("1001") || o.Offer.Extensions.Contains("1003"));
    }

    [Fact]
    public async Task LongestIdleOffersTheAgentFreeTheLongest()
    {
        using var h = new AcdHarness();
        h.Queue("sales", AcdStrategy.LongestIdle, "1001", "1002", "1003");
        await h.LoginAsync("1003");
        h.Time.Advance(TimeSpan.FromSeconds(10));
        await h.LoginAsync("1001");
        h.Time.Advance(TimeSpan.FromSeconds(10));
        await h.LoginAsync("1002");

        var (first, _) = await h.EnqueueAsync("sales");
        var offer = await h.OfferOfAsync(first);
        Assert.Equal(["1003"], offer.Offer.Extensions);
        offer.Answer("1003");
        h.Time.Advance(TimeSpan.FromSeconds(60));
        h.EndCall(first.CallId);

        // 1003 just became free; 1001 has been idle longest.
        var (second, _) = await h.EnqueueAsync("sales");
        Assert.Equal(["1001"], (await h.OfferOfAsync(second)).Offer.Extensions);
        var (third, _) = await h.EnqueueAsync("sales");
        Assert.Equal(["1002"], (await h.OfferOfAsync(third)).Offer.Extensions);
    }

    [Fact]
    public async Task FewestCallsOffersTheAgentWhoAnsweredLeast()
    {
        using var h = new AcdHarness();
        h.Queue("sales", AcdStrategy.FewestCalls, "1001", "1002");
        await h.LoginAsync("1001");
        for (var i = 0; i < 2; i++)
        {
            var (call, _) = await h.EnqueueAsync("sales");
            (await h.OfferOfAsync(call)).Answer("1001");
            h.EndCall(call.CallId);
        }
        Assert.Equal(2, h.Acd.GetAgent("1001")!.AnsweredToday);
        h.Time.Advance(TimeSpan.FromMinutes(5));
        await h.LoginAsync("1002");

        // 1001 has been idle longer, but 1002 answered fewer calls.
        var (next, _) = await h.EnqueueAsync("sales");
        Assert.Equal(["1002"], (await h.OfferOfAsync(next)).Offer.Extensions);
    }

    [Fact]
    public async Task VipCallerOvertakesEarlierCallers()
    {
        using var h = new AcdHarness();
        h.Queue("sales", AcdStrategy.Priority, "1001");
        await h.LoginAsync("1001");
        h.Acd.SetNotReady("1001", NotReadyReasons.Meeting);

        var (c1, e1) = await h.EnqueueAsync("sales");
        h.Time.Advance(TimeSpan.FromSeconds(5));
        var (c2, e2) = await h.EnqueueAsync("sales");
        h.Time.Advance(TimeSpan.FromSeconds(5));
        var (vip, eVip) = await h.EnqueueAsync("sales", priority: 10);

        Assert.Equal([eVip, e1, e2], h.Acd.GetWaiting("sales"));
        Assert.Equal((1, 2, 3), (eVip.Position, e1.Position, e2.Position));

        h.Acd.SetReady("1001");
        var offer = await h.OfferToAsync("1001");
        Assert.Same(vip, offer.Call);
        Assert.Empty(c1.Offers);
        Assert.Empty(c2.Offers);
    }

    [Fact]
    public async Task AnAgentInTwoQueuesGoesToTheHigherPriorityHeadCallThenTheLongestWaiting()
    {
        using var h = new AcdHarness();
        h.Queue("a", AcdStrategy.Priority, "1001");
        h.Queue("b", AcdStrategy.Priority, "1001");
        await h.LoginAsync("1001");
        h.Acd.SetNotReady("1001", NotReadyReasons.Break);

        var (older, _) = await h.EnqueueAsync("a");
        h.Time.Advance(TimeSpan.FromSeconds(1));
        var (newer, _) = await h.EnqueueAsync("b");
        h.Acd.SetReady("1001");
        var offer = await h.OfferToAsync("1001");
        Assert.Same(older, offer.Call);
        offer.Answer("1001");

        // A VIP joins queue a while 1001 talks: it arrived last but outranks newer, which waited longer.
        var (vip, _) = await h.EnqueueAsync("a", priority: 10);
        h.EndCall(older.CallId);
        var next = await h.OfferToAsync("1001");
        Assert.Same(vip, next.Call);
        Assert.Empty(newer.Offers);
    }
}
