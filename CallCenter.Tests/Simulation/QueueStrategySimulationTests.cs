using CallCenter.Telephony.Acd;
using CallCenter.Telephony.Routing;
using CallCenter.Telephony.Simulation;
using CallCenter.Tests.Calls.Queues;

using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Tests.Simulation;

/// <summary>
/// The ACD's strategies with simulated agents and customers over real SIP and RTP: the agents log in from their phones
/// (*61), customers call the queue 4000 of a Telephony-only host; who got which call is read from the agents' phones.
/// </summary>
public sealed class QueueStrategySimulationTests
{
    private const string VipNumber = "13700137000";

    [Fact]
    public async Task RoundRobinSpreadsCallsOverTheAgentsWithinOneOfEven()
    {
        await using var host = await StartAsync(TestAcdDirectory.Sales(AcdStrategy.RoundRobin, ("1001", 0), ("1002", 0), ("1003", 0)));
        await using var simulator = Simulator(host, ["1001", "1002", "1003"]);
        Assert.Equal(3, await simulator.StartAgentsAsync());

        for (var i = 0; i < 10; i++)
        {
            var result = await simulator.PlaceCallAsync(Plan()).WaitAsync(SimulationTelephonyHost.Deadline);
            Assert.Equal(CustomerCallOutcome.Answered, result.Outcome);
        }

        var counts = simulator.Agents.Select(a => a.RecentCalls.Count).ToArray();
        Assert.Equal(10, counts.Sum());
        Assert.True(counts.Max() - counts.Min() <= 1, $"calls per agent {string.Join(", ", counts)}");
    }

    [Fact]
    public async Task SkillsBasedNeverRoutesToAnUnqualifiedAgent()
    {
        var skills = new Dictionary<string, IReadOnlyDictionary<string, int>>
        {
            ["1001"] = new Dictionary<string, int> { ["english"] = 5 },
            ["1002"] = new Dictionary<string, int> { ["english"] = 2 },
        };
        var sales = TestAcdDirectory.Sales(AcdStrategy.SkillsBased, ("1001", 0), ("1002", 0), ("1003", 0)) with
        {
            RequiredSkills = new Dictionary<string, int> { ["english"] = 3 },
        };
        await using var host = await StartAsync(sales, skills);
        await using var simulator = Simulator(host, ["1001", "1002", "1003"]);
        Assert.Equal(3, await simulator.StartAgentsAsync());

        // Four customers at once: the one qualified agent takes them in turn while the others stay free.
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => simulator.PlaceCallAsync(Plan())))
            .WaitAsync(TimeSpan.FromSeconds(30));

        Assert.All(results, r => Assert.Equal(CustomerCallOutcome.Answered, r.Outcome));
        Assert.Equal([4, 0, 0], simulator.Agents.Select(a => a.RecentCalls.Count));
    }

    [Fact]
    public async Task VipCallerOvertakesCallersWhoWaitedLonger()
    {
        await using var host = await StartAsync(TestAcdDirectory.Sales(AcdStrategy.Priority, ("1001", 0)));
        // Customers 1 and 2 call first, the VIP third; the agent logs in once all three wait.
        await using var simulator = Simulator(host, ["1001"], featureCode: null, callers: n => n == 2 ? VipNumber : $"1390000000{n + 1}");
        Assert.Equal(1, await simulator.StartAgentsAsync());
        var calls = new List<Task<CustomerCallResult>>();
        for (var i = 0; i < 3; i++)
        {
            calls.Add(simulator.PlaceCallAsync(Plan()));
            await WaitForWaitingAsync(host, i + 1);
        }

        Assert.True((await host.Host.Services.GetRequiredService<AcdService>().LoginAsync("1001", CancellationToken.None)).Succeeded);
        await Task.WhenAll(calls).WaitAsync(TimeSpan.FromSeconds(30));

        var order = simulator.Agents[0].RecentCalls.Select(c => c.RemoteNumber).ToArray();
        Assert.Equal([VipNumber, "13900000001", "13900000002"], order);
    }

    [Fact]
    public async Task RingAllConnectsTheFirstToAnswerAndTheOthersStopRinging()
    {
        await using var host = await StartAsync(TestAcdDirectory.Sales(AcdStrategy.RingAll, ("1001", 0), ("1002", 0), ("1003", 0)));
        // 1001 answers at once, the others would take seconds.
        var phones = new List<SimulatedAgentPhone>();
        foreach (var extension in new[] { "1001", "1002", "1003" })
        {
            var delay = TimeSpan.FromSeconds(extension == "1001" ? 0.2 : 4);
            var phone = host.Phone(extension, _ => new IncomingCallPlan(delay, TimeSpan.FromSeconds(30)));
            phones.Add(phone);
            Assert.Equal(200, await phone.RegisterAsync());
            Assert.Equal(200, await phone.DialFeatureCodeAsync("*61"));
        }
        await using var customer = new SimulatedCustomer(host.Server, host.Clock, "13800138000");
        var call = customer.CallAsync(Plan() with { WaitForAgentHint = false, TalkTime = TimeSpan.FromSeconds(1) });

        var answered = await host.WaitForEventAsync<Telephony.Events.CallAnswered>(e => e.AgentExtension is not null);

        Assert.Equal("1001", answered.AgentExtension);
        var rang = phones.ToDictionary(p => p.Extension, p => Assert.Single(p.RecentCalls));
        await Task.WhenAll(rang["1002"].Ended, rang["1003"].Ended).WaitAsync(SimulationTelephonyHost.Deadline);
        Assert.Equal((SimulatedCallEndReason.Cancelled, SimulatedCallEndReason.Cancelled), (rang["1002"].EndReason, rang["1003"].EndReason));
        Assert.Null(rang["1002"].AnsweredTimestamp);
        Assert.NotNull(rang["1001"].AnsweredTimestamp);
        await call.WaitAsync(SimulationTelephonyHost.Deadline);
        foreach (var phone in phones)
        {
            await phone.DisposeAsync();
        }
    }

    private static Task<SimulationTelephonyHost> StartAsync(AcdQueueConfig sales, IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>>? skills = null) =>
        SimulationTelephonyHost.StartAsync(services =>
        {
            services.AddSingleton<IAcdDirectory>(new TestAcdDirectory(sales, skills: skills));
            services.AddSingleton<ICallerIdentification>(new VipCallerIdentification());
        });

    private static TrafficSimulator Simulator(SimulationTelephonyHost host, string[] agents, string? featureCode = "*61", Func<long, string>? callers = null)
    {
        var options = new TrafficSimulatorOptions
        {
            Server = host.Server,
            Agents = [.. agents.Select(a => new SimulatedAgentAccount(a, $"sip{a}demo"))],
            AgentFeatureCode = featureCode,
            AnswerDelay = TimeRange.Seconds(0.2, 0.2),
            TalkTime = TimeRange.Seconds(0.5, 0.5),
            DialledNumbers = ["4000"],
        };
        return new(callers is null ? options : options with { CallerNumbers = (_, n) => callers(n) }, clock: host.Clock);
    }

    private static CustomerCallPlan Plan() => new()
    {
        DialledNumber = "4000",
        WaitForAgentHint = true,
        Patience = TimeSpan.FromSeconds(20),
        TalkTime = TimeSpan.FromSeconds(30),
    };

    private static async Task WaitForWaitingAsync(SimulationTelephonyHost host, int count)
    {
        var acd = host.Host.Services.GetRequiredService<AcdService>();
        using var timeout = new CancellationTokenSource(SimulationTelephonyHost.Deadline);
        while (acd.GetWaiting("sales").Count < count)
        {
            Assert.False(timeout.IsCancellationRequested, $"{count} calls never waited in the queue");
            await Task.Delay(20);
        }
    }

    // Caller identification for the test host: 13700137000 is a VIP (VIPs wait ahead of others).
    private sealed class VipCallerIdentification : ICallerIdentification
    {
        public ValueTask<CallerInfo> IdentifyAsync(string callerNumber, CancellationToken cancellationToken) =>
            ValueTask.FromResult(new CallerInfo(callerNumber) { IsVip = callerNumber == VipNumber });
    }
}
