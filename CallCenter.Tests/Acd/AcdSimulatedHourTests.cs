using CallCenter.Core.Telephony;
using CallCenter.Telephony.Acd;
using CallCenter.Tests.Core.Telephony;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace CallCenter.Tests.Acd;

/// <summary>
/// An hour of a small call center on the fake clock, checked through the published state changes and through the
/// agent-state intervals Core's writer stores from them (what every report reads).
/// </summary>
public class AcdSimulatedHourTests
{
    private static readonly string[] Agents = ["1001", "1002", "1003"];

    [Fact]
    public async Task AnHourOfCallsGivesEachAgentGaplessStatesBetweenLoginAndLogout()
    {
        using var h = new AcdHarness();
        using var database = new TempFileDatabase();
        await using (var db = database.CreateDbContext())
        {
            db.Agents.AddRange(Agents.Select(a => new CallCenter.Core.Domain.Agent { Extension = a, WorkNumber = a, Name = a, SipRealm = "test" }));
            await db.SaveChangesAsync();
        }
        using var writer = new AgentStateIntervalWriter(h.AgentEvents, database, NullLogger<AgentStateIntervalWriter>.Instance);
        await writer.StartAsync(CancellationToken.None);
        h.Agent("1002", maxMissedOffers: 2);
        h.Queue(new AcdQueueConfig("sales", "Sales", AcdStrategy.RoundRobin, [.. Agents.Select(a => new AcdQueueMember(a, 0))])
        {
            WrapUp = TimeSpan.FromSeconds(15),
            MaxWait = TimeSpan.FromMinutes(10),
        });
        var loginAt = new Dictionary<string, DateTimeOffset>();
        var talkTime = Agents.ToDictionary(a => a, _ => TimeSpan.Zero);
        var answered = new Dictionary<Guid, (string Agent, DateTimeOffset At)>();
        var handled = new HashSet<PendingOffer>();
        var entries = new List<QueueEntry>();
        var offersSeen = 0;

        for (var second = 0; second <= 3900; second++)
        {
            switch (second)
            {
                case 0:
                    foreach (var agent in Agents)
                    {
                        await h.LoginAsync(agent);
                        loginAt[agent] = h.Now;
                    }
                    break;
                case 1200: h.Acd.SetNotReady("1002", NotReadyReasons.Break); break;
                case 1500: h.Acd.SetReady("1002"); break;
                case 1800: h.Acd.SetNotReady("1003", NotReadyReasons.Meal); break;
                case 2400: h.Acd.SetReady("1003"); break;
                case 3000: h.Acd.Logout("1001"); break;
                case 3600:
                    h.Acd.Logout("1002");
                    h.Acd.Logout("1003");
                    foreach (var entry in entries.Where(e => !e.Exit.IsCompleted))
                    {
                        h.Acd.Abandon(entry);
                    }
                    break;
            }
            if (second % 40 == 0 && second < 3600)
            {
                var (_, entry) = await h.EnqueueAsync("sales", priority: second % 200 == 0 ? 10 : 0);
                entries.Add(entry);
            }

            // Every agent reserved has its offer in hand before the clock moves on.
            foreach (var agent in Agents)
            {
                var state = h.Acd.GetAgent(agent);
                if (state is { Status: AgentStatus.Ringing, Queue: not null })
                {
                    await h.WaitForOfferAsync(o => !o.IsCompleted && o.Offer.Extensions.Contains(agent));
                }
            }
            foreach (var offer in h.AllOffers.Where(o => !o.IsCompleted && h.Now - o.At >= TimeSpan.FromSeconds(4)))
            {
                var agent = offer.Offer.Extensions[0];
                // 1002 misses every fifth offer (it is set NotReady missed-call only after two in a row).
                if (agent == "1002" && ++offersSeen % 5 == 0)
                {
                    offer.Fail(AcdOfferOutcome.NoAnswer);
                    continue;
                }
                offer.Answer(agent);
                answered[offer.Call.CallId] = (agent, h.Now);
                handled.Add(offer);
            }
            foreach (var (callId, (agent, at)) in answered.ToArray())
            {
                var talk = TimeSpan.FromSeconds(60 + (callId.GetHashCode() & 0x3F));
                if (h.Now - at >= talk)
                {
                    h.EndCall(callId);
                    talkTime[agent] += h.Now - at;
                    answered.Remove(callId);
                }
            }
            // Offers ended by a command (log-out while ringing) are handled on the ACD's thread: wait for them.
            foreach (var offer in h.AllOffers.Where(o => o.IsCompleted))
            {
                await offer.HandledAsync();
            }
            if (h.Acd.GetAgent("1002") is { Reason: NotReadyReasons.MissedCall })
            {
                h.Acd.SetReady("1002");
            }
            h.Time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.True(handled.Count > 50, $"only {handled.Count} calls answered");
        foreach (var agent in Agents)
        {
            var events = h.EventsOf(agent);
            Assert.Equal(AgentStatus.LoggedOut, h.StatusOf(agent));
            Assert.Equal(AgentStatus.Ready, events[0].Status);
            Assert.Equal(loginAt[agent], events[0].At);
            Assert.Equal(AgentStatus.LoggedOut, events[^1].Status);
            Assert.Single(events, e => e.Status == AgentStatus.LoggedOut);

            var durations = new Dictionary<AgentStatus, TimeSpan>();
            for (var i = 0; i < events.Count - 1; i++)
            {
                var (current, next) = (events[i], events[i + 1]);
                Assert.True(next.At >= current.At, $"{agent}: {next} before {current}");
                Assert.False(current.Status == next.Status && current.Reason == next.Reason && current.CallId == next.CallId, $"{agent}: {next} repeated");
                Assert.True(Allowed(current.Status, next.Status), $"{agent}: {current.Status} → {next.Status}");
                durations[current.Status] = durations.GetValueOrDefault(current.Status) + (next.At - current.At);
                if (current.Status == AgentStatus.WrapUp && next.Status != AgentStatus.LoggedOut)
                {
                    Assert.Equal(TimeSpan.FromSeconds(15), next.At - current.At);
                }
            }
            Assert.Equal(events[^1].At - events[0].At, durations.Values.Aggregate(TimeSpan.Zero, (a, b) => a + b));
            Assert.Equal(talkTime[agent], durations.GetValueOrDefault(AgentStatus.Talking));
            Assert.True(durations.GetValueOrDefault(AgentStatus.Talking) > TimeSpan.Zero, agent);
        }
        Assert.True(DurationOf(h, "1002", AgentStatus.NotReady) >= TimeSpan.FromSeconds(120));

        // The stored intervals: closed, one after the other without gap or overlap, adding up to the logged-in time.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (writer.Processed < h.Events.Count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
        Assert.Equal(h.Events.Count, writer.Processed);
        await using var read = database.CreateDbContext();
        foreach (var agent in Agents)
        {
            var intervals = await read.AgentStateIntervals.AsNoTracking().Where(i => i.Agent!.Extension == agent).OrderBy(i => i.Id).ToListAsync();
            var events = h.EventsOf(agent);
            Assert.Equal(events.Count - 1, intervals.Count);
            Assert.Equal(events[0].At, intervals[0].StartedAt);
            Assert.All(intervals.Zip(intervals.Skip(1)), pair => Assert.Equal(pair.First.EndedAt, pair.Second.StartedAt));
            var stored = intervals.Aggregate(TimeSpan.Zero, (sum, i) => sum + (i.EndedAt!.Value - i.StartedAt));
            Assert.Equal(events[^1].At - loginAt[agent], stored);
        }
    }

    private static TimeSpan DurationOf(AcdHarness h, string agent, AgentStatus status)
    {
        var events = h.EventsOf(agent);
        return events.Zip(events.Skip(1)).Where(p => p.First.Status == status).Aggregate(TimeSpan.Zero, (sum, p) => sum + (p.Second.At - p.First.At));
    }

    private static bool Allowed(AgentStatus from, AgentStatus to) => (from, to) switch
    {
        (AgentStatus.Ready, AgentStatus.Ringing or AgentStatus.NotReady or AgentStatus.LoggedOut) => true,
        (AgentStatus.NotReady, AgentStatus.Ready or AgentStatus.NotReady or AgentStatus.LoggedOut) => true,
        (AgentStatus.Ringing, AgentStatus.Talking or AgentStatus.Ready or AgentStatus.NotReady or AgentStatus.LoggedOut) => true,
        (AgentStatus.Talking, AgentStatus.Held or AgentStatus.WrapUp) => true,
        (AgentStatus.Held, AgentStatus.Talking or AgentStatus.WrapUp) => true,
        (AgentStatus.WrapUp, AgentStatus.Ready or AgentStatus.NotReady or AgentStatus.LoggedOut) => true,
        _ => false,
    };
}
