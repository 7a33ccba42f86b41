namespace CallCenter.Telephony.Simulation;

/// <summary>A range of durations a simulation draws from uniformly.</summary>
/// <param name="Min">The shortest.</param>
/// <param name="Max">The longest (at least <paramref name="Min"/>).</param>
public readonly record struct TimeRange(TimeSpan Min, TimeSpan Max)
{
    /// <summary>A range in whole seconds.</summary>
    public static TimeRange Seconds(double min, double max) => new(TimeSpan.FromSeconds(min), TimeSpan.FromSeconds(max));

    /// <summary>A duration drawn uniformly from the range.</summary>
    public TimeSpan Draw(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return Max <= Min ? Min : Min + TimeSpan.FromTicks((long)(random.NextDouble() * (Max - Min).Ticks));
    }
}
