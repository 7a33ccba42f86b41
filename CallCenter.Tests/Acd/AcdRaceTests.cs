using CallCenter.Telephony.Acd;

namespace CallCenter.Tests.Acd;

/// <summary>Races run with real threads, many times over: the reservation is atomic.</summary>
public class AcdRaceTests
{
    private const int Iterations = 300;

    [Fact]
    public async Task TwoQueuesOfferingOneAgentOnlyOneWins()
    {
        for (var i = 0; i < Iterations; i++)
        {
            using var h = new AcdHarness();
            h.Queue("a", AcdStrategy.Priority, "1001");
            h.Queue("b", AcdStrategy.LongestIdle, "1001");
            await h.LoginAsync("1001");
            using var start = new ManualResetEventSlim();

            var first = Task.Run(async () => { start.Wait(); return await h.EnqueueAsync("a"); });
            var second = Task.Run(async () => { start.Wait(); return await h.EnqueueAsync("b"); });
            start.Set();
            var entries = await Task.WhenAll(first, second);

            var offer = await h.OfferToAsync("1001");
            Assert.Single(h.AllOffers);
            Assert.Single(h.EventsOf("1001"), e => e.Status == AgentStatus.Ringing);
            var loser = entries.Single(e => e.Call != offer.Call);
            Assert.Empty(loser.Call.Offers);
            Assert.Equal(1, loser.Entry.Position);

            offer.Answer("1001");
            Assert.Equal(AgentStatus.Talking, h.StatusOf("1001"));
            Assert.Single(h.AllOffers);
        }
    }

    [Fact]
    public async Task NotReadyRacingAnOfferNeverLeavesTheAgentNotReadyWithAPhoneRinging()
    {
        for (var i = 0; i < Iterations; i++)
        {
            using var h = new AcdHarness();
            h.Queue("a", AcdStrategy.Priority, "1001");
            await h.LoginAsync("1001");
            using var start = new ManualResetEventSlim();

            var enqueue = Task.Run(async () => { start.Wait(); return await h.EnqueueAsync("a"); });
            var notReady = Task.Run(() => { start.Wait(); return h.Acd.SetNotReady("1001", NotReadyReasons.Break); });
            start.Set();
            var (call, entry) = await enqueue;
            Assert.True((await notReady).Succeeded);

            // Whichever came first, the agent ends NotReady and the call waits at its place, with no offer left ringing.
            Assert.Equal(AgentStatus.NotReady, h.StatusOf("1001"));
            var statuses = h.StatusesOf("1001");
            Assert.True(
                statuses.SequenceEqual([AgentStatus.Ready, AgentStatus.NotReady])
                || statuses.SequenceEqual([AgentStatus.Ready, AgentStatus.Ringing, AgentStatus.NotReady]),
                string.Join(",", statuses));
            if (statuses.Contains(AgentStatus.Ringing))
            {
                var offer = await h.WaitForOfferAsync(o => o.Call == call);
                Assert.True(offer.Token.IsCancellationRequested || offer.IsCompleted);
                await offer.HandledAsync();
            }
            Assert.False(entry.Exit.IsCompleted);
            Assert.Equal(1, entry.Position);
        }
    }
}
