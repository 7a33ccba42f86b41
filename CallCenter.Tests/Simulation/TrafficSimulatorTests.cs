using CallCenter.Telephony.Simulation;

namespace CallCenter.Tests.Simulation;

/// <summary>
/// The traffic simulator against the real telephony engine, with customers calling extensions directly (the engine
/// does not route queues yet): an agent phone's INVITE is matched to its customer by the caller number, which gives
/// the routing latency and connects the customer when the agent answers.
/// </summary>
public sealed class TrafficSimulatorTests
{
    [Fact]
    public async Task CustomerCallToAnAgentIsCorrelatedWithTheAgentPhonesInviteAndMeasured()
    {
        await using var host = await SimulationTelephonyHost.StartAsync();
        await using var simulator = new TrafficSimulator(new TrafficSimulatorOptions
        {
            Server = host.Server,
            Agents = [new SimulatedAgentAccount("1002", "sip1002demo")],
            // The test dial plan has no feature codes.
            AgentFeatureCode = null,
            AnswerDelay = TimeRange.Seconds(0.5, 0.5),
            TalkTime = TimeRange.Seconds(1, 1),
            DialledNumbers = ["1002"],
        }, clock: host.Clock);
        Assert.Equal(1, await simulator.StartAgentsAsync());

        var result = await simulator.PlaceCallAsync(new CustomerCallPlan
        {
            DialledNumber = "1002",
            WaitForAgentHint = true,
            Patience = TimeSpan.FromSeconds(8),
            TalkTime = TimeSpan.FromSeconds(30),
        }).WaitAsync(SimulationTelephonyHost.Deadline);

        Assert.Equal(CustomerCallOutcome.Answered, result.Outcome);
        // The agent hung up after its talk time; the customer heard the agent's tone through the bridge.
        Assert.Equal(SimulatedCallEndReason.RemoteHangUp, result.Call.EndReason);
        var agentCall = Assert.Single(simulator.Agents[0].RecentCalls);
        Assert.Equal(result.Call.LocalNumber, agentCall.RemoteNumber);
        Assert.StartsWith("1390000", agentCall.RemoteNumber, StringComparison.Ordinal);
        Assert.True(result.Call.Media.PacketsHeardFrom(agentCall.Media) > 20, $"customer heard {result.Call.Media.PacketsHeardFrom(agentCall.Media)} agent packets");
        Assert.True(agentCall.Media.PacketsHeardFrom(result.Call.Media) > 20, $"agent heard {agentCall.Media.PacketsHeardFrom(result.Call.Media)} customer packets");

        var statistics = simulator.Statistics;
        Assert.Equal((1, 1, 0, 0, 1, 1), (statistics.Offered, statistics.AnsweredByAgent, statistics.Abandoned, statistics.Failed, statistics.AgentOffers, statistics.LatencySampleCount));
        var latency = statistics.RoutingLatencyP50!.Value;
        var measured = agentCall.InviteTimestamp - result.Call.InviteTimestamp;
        Assert.Equal(System.Diagnostics.Stopwatch.GetElapsedTime(0, measured).TotalMilliseconds, latency.TotalMilliseconds, 3);
        Assert.InRange(latency, TimeSpan.Zero, TimeSpan.FromSeconds(1));
        Assert.Equal(latency, statistics.RoutingLatencyP99);
        // Connected when the agent's 200 went: after its 0.5 s answer delay.
        // (Timers may fire up to a millisecond early.)
        Assert.InRange(result.TimeToAgent!.Value, TimeSpan.FromSeconds(0.49), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task PoissonArrivalsAreAllAccountedFor()
    {
        await using var host = await SimulationTelephonyHost.StartAsync();
        await using var simulator = new TrafficSimulator(new TrafficSimulatorOptions
        {
            Server = host.Server,
            Agents = [new("1002", "sip1002demo"), new("1003", "sip1003demo"), new("1004", "sip1004demo"), new("1005", "sip1005demo")],
            AgentFeatureCode = null,
            AnswerDelay = TimeRange.Seconds(0.2, 0.4),
            TalkTime = TimeRange.Seconds(0.5, 1),
            Patience = TimeRange.Seconds(5, 5),
            DialledNumbers = ["1002", "1003", "1004", "1005"],
            CallsPerSecond = 3,
            Seed = 7,
        }, clock: host.Clock);
        Assert.Equal(4, await simulator.StartAgentsAsync());

        await simulator.RunAsync(TimeSpan.FromSeconds(3)).WaitAsync(TimeSpan.FromSeconds(30));

        var s = simulator.Statistics;
        Assert.True(s.Offered >= 3, $"only {s.Offered} arrivals in 3 s at 3/s with seed 7");
        Assert.Equal(s.Offered, s.AnsweredByAgent + s.Abandoned + s.Failed + s.EndedByServer + s.Stopped);
        // A call to an agent already in a call is refused 486 by that phone: the only failure there may be.
        Assert.All(s.FailedByStatus.Keys, status => Assert.Equal(486, status));
        Assert.True(s.Abandoned + s.EndedByServer + s.Stopped == 0, s.ToString());
        // Every customer call reached an agent phone exactly once and was matched to it.
        Assert.Equal((s.Offered, s.Offered, 0L), (s.AgentOffers, (long)s.LatencySampleCount, s.UnmatchedAgentInvites));
        Assert.True(s.RoutingLatencyP99 < TimeSpan.FromSeconds(1), s.ToString());
        Assert.Equal(0, simulator.CallsInProgress);
    }
}
