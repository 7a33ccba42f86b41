using System.Globalization;
using System.Net;

namespace CallCenter.Telephony.Simulation;

/// <summary>What a <see cref="TrafficSimulator"/> runs: the agents, the customers' arrivals and their behaviour.</summary>
public sealed record TrafficSimulatorOptions
{
    /// <summary>The SIP server (UDP), e.g. 127.0.0.1:5060.</summary>
    public required IPEndPoint Server { get; init; }

    /// <summary>The agent phones: each registers, and (see <see cref="AgentFeatureCode"/>) logs in.</summary>
    public IReadOnlyList<SimulatedAgentAccount> Agents { get; init; } = [];

    /// <summary>The feature code each agent dials after registering (<c>*61</c>: log in and Ready); null: none.</summary>
    public string? AgentFeatureCode { get; init; } = "*61";

    /// <summary>The numbers customers dial, one drawn per call.</summary>
    public IReadOnlyList<string> DialledNumbers { get; init; } = [];

    /// <summary>The mean arrival rate of the Poisson process of customer calls, per second.</summary>
    public double CallsPerSecond { get; init; } = 0.1;

    /// <summary>How long an agent phone rings before answering.</summary>
    public TimeRange AnswerDelay { get; init; } = TimeRange.Seconds(2, 6);

    /// <summary>How long an agent talks before hanging up (agents end the calls).</summary>
    public TimeRange TalkTime { get; init; } = TimeRange.Seconds(20, 90);

    /// <summary>How long a customer waits for an agent before abandoning.</summary>
    public TimeRange Patience { get; init; } = TimeRange.Seconds(30, 150);

    /// <summary>True (queues): a 200 from the server means waiting; the customer is connected when an agent phone answers its call.</summary>
    public bool WaitForAgent { get; init; } = true;

    /// <summary>The share of customers (0..1) who press <see cref="DtmfDigits"/> <see cref="DtmfDelay"/> after the 200.</summary>
    public double DtmfProbability { get; init; }

    /// <summary>The keys pressed by those customers.</summary>
    public string DtmfDigits { get; init; } = "1";

    /// <summary>When those customers press their keys, after the 200.</summary>
    public TimeSpan DtmfDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The caller number of the n-th customer call (n from 0). The agent phone's INVITE is matched to the customer by
    /// it, oldest waiting call first, so unique numbers give exact routing latencies. Default: 1390000nnnn.
    /// </summary>
    public Func<Random, long, string> CallerNumbers { get; init; } = static (_, n) => "1390000" + (n % 10000).ToString("D4", CultureInfo.InvariantCulture);

    /// <summary>The seed of the simulation's one <see cref="Random"/>: the same seed draws the same arrivals and times.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>The Expires the agent phones ask for.</summary>
    public int RegisterExpiresSeconds { get; init; } = 300;

    /// <summary>How long <see cref="TrafficSimulator.RunAsync"/> waits for calls in progress after the arrivals stop
    /// before hanging them up.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromMinutes(3);
}
