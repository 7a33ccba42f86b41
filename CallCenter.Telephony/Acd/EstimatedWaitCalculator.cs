namespace CallCenter.Telephony.Acd;

/// <summary>
/// A waiting call's estimated wait: the calls up to and including it, shared among the agents who serve the queue,
/// times the queue's average handle time.
/// </summary>
internal static class EstimatedWaitCalculator
{
    /// <summary>
    /// ceil(<paramref name="position"/> / max(1, <paramref name="agents"/>)) × the average of
    /// <paramref name="recentHandleTimes"/> (<paramref name="defaultHandleTime"/> when there are none).
    /// </summary>
    /// <param name="position">1-based place in the queue; 0 or less: not waiting, no wait.</param>
    /// <param name="agents">Members logged in and not NotReady.</param>
    /// <param name="recentHandleTimes">Handle times (answer to end of wrap-up) of the queue's recent answered calls.</param>
    /// <param name="defaultHandleTime">The handle time assumed before the queue answered any call.</param>
    public static TimeSpan Estimate(int position, int agents, IReadOnlyCollection<TimeSpan> recentHandleTimes, TimeSpan defaultHandleTime)
    {
        ArgumentNullException.ThrowIfNull(recentHandleTimes);
        if (position <= 0)
        {
            return TimeSpan.Zero;
        }
        var rounds = (position + Math.Max(1, agents) - 1) / Math.Max(1, agents);
        return AverageHandleTime(recentHandleTimes, defaultHandleTime) * rounds;
    }

    /// <summary>The mean of <paramref name="recentHandleTimes"/>, or <paramref name="defaultHandleTime"/> when empty.</summary>
    public static TimeSpan AverageHandleTime(IReadOnlyCollection<TimeSpan> recentHandleTimes, TimeSpan defaultHandleTime)
    {
        ArgumentNullException.ThrowIfNull(recentHandleTimes);
        if (recentHandleTimes.Count == 0)
        {
            return defaultHandleTime;
        }
        return TimeSpan.FromTicks(recentHandleTimes.Sum(t => t.Ticks) / recentHandleTimes.Count);
    }
}
