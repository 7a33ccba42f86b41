using System.Globalization;

namespace CallCenter.Telephony.Simulation;

/// <summary>
/// What a <see cref="TrafficSimulator"/> counted: customer calls offered and how they ended, agent INVITEs matched to
/// customers, and routing latency samples (customer INVITE sent → agent phone INVITE received, first offer of each
/// call). Thread-safe; the last 1,000,000 samples are kept.
/// </summary>
public sealed class TrafficStatistics
{
    private const int MaxSamples = 1_000_000;
    private readonly Lock _gate = new();
    private readonly List<double> _latencyMs = [];
    private readonly Dictionary<int, long> _failedByStatus = [];
    private long _offered;
    private long _answered;
    private long _abandoned;
    private long _failed;
    private long _endedByServer;
    private long _stopped;
    private long _agentOffers;
    private long _unmatchedAgentInvites;

    /// <summary>Customer calls placed (INVITE sent).</summary>
    public long Offered => Interlocked.Read(ref _offered);

    /// <summary>Customer calls that reached an agent.</summary>
    public long AnsweredByAgent => Interlocked.Read(ref _answered);

    /// <summary>Customer calls abandoned (patience ran out).</summary>
    public long Abandoned => Interlocked.Read(ref _abandoned);

    /// <summary>Customer calls refused (300-699) or never answered (time-out).</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Customer calls the server hung up before an agent was reached.</summary>
    public long EndedByServer => Interlocked.Read(ref _endedByServer);

    /// <summary>Customer calls cut short because the simulation stopped.</summary>
    public long Stopped => Interlocked.Read(ref _stopped);

    /// <summary>Agent phone INVITEs matched to a waiting customer (a call offered to two agents in turn counts twice).</summary>
    public long AgentOffers => Interlocked.Read(ref _agentOffers);

    /// <summary>Agent phone INVITEs whose From user matched no waiting customer (a human's call, or a call after its customer gave up).</summary>
    public long UnmatchedAgentInvites => Interlocked.Read(ref _unmatchedAgentInvites);

    /// <summary>Failed calls by final status (0: no final response).</summary>
    public IReadOnlyDictionary<int, long> FailedByStatus
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<int, long>(_failedByStatus);
            }
        }
    }

    /// <summary>The routing latency samples taken, in milliseconds.</summary>
    public int LatencySampleCount
    {
        get
        {
            lock (_gate)
            {
                return _latencyMs.Count;
            }
        }
    }

    /// <summary>The median routing latency; null without samples.</summary>
    public TimeSpan? RoutingLatencyP50 => RoutingLatencyPercentile(50);

    /// <summary>The 99th percentile routing latency; null without samples.</summary>
    public TimeSpan? RoutingLatencyP99 => RoutingLatencyPercentile(99);

    /// <summary>The <paramref name="percentile"/> (0-100) of the routing latency samples (nearest rank); null without samples.</summary>
    public TimeSpan? RoutingLatencyPercentile(double percentile)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(percentile, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percentile, 100);
        double[] sorted;
        lock (_gate)
        {
            if (_latencyMs.Count == 0)
            {
                return null;
            }
            sorted = [.. _latencyMs];
        }
        Array.Sort(sorted);
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Length);
        return TimeSpan.FromMilliseconds(sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)]);
    }

    /// <summary>One line: counts and latency percentiles.</summary>
    public override string ToString()
    {
        static string Ms(TimeSpan? t) => t is { } v ? v.TotalMilliseconds.ToString("F1", CultureInfo.InvariantCulture) + " ms" : "-";
        return string.Create(CultureInfo.InvariantCulture,
            $"offered {Offered}, answered by an agent {AnsweredByAgent}, abandoned {Abandoned}, failed {Failed}, ended by the server {EndedByServer}, stopped {Stopped}; agent offers {AgentOffers} (unmatched {UnmatchedAgentInvites}); routing latency p50 {Ms(RoutingLatencyP50)}, p99 {Ms(RoutingLatencyP99)} over {LatencySampleCount} samples");
    }

    internal void CountOffered() => Interlocked.Increment(ref _offered);

    internal void CountAgentOffer(TimeSpan? latency)
    {
        Interlocked.Increment(ref _agentOffers);
        if (latency is { } sample)
        {
            lock (_gate)
            {
                if (_latencyMs.Count >= MaxSamples)
                {
                    _latencyMs.RemoveRange(0, MaxSamples / 10);
                }
                _latencyMs.Add(sample.TotalMilliseconds);
            }
        }
    }

    internal void CountUnmatched() => Interlocked.Increment(ref _unmatchedAgentInvites);

    internal void Count(CustomerCallResult result)
    {
        switch (result.Outcome)
        {
            case CustomerCallOutcome.Answered:
                Interlocked.Increment(ref _answered);
                break;
            case CustomerCallOutcome.Abandoned:
                Interlocked.Increment(ref _abandoned);
                break;
            case CustomerCallOutcome.EndedByServer:
                Interlocked.Increment(ref _endedByServer);
                break;
            case CustomerCallOutcome.Stopped:
                Interlocked.Increment(ref _stopped);
                break;
            default:
                Interlocked.Increment(ref _failed);
                lock (_gate)
                {
                    _failedByStatus[result.FinalStatus] = _failedByStatus.GetValueOrDefault(result.FinalStatus) + 1;
                }
                break;
        }
    }
}
