namespace CallCenter.Core.Demo;

/// <summary>How many calls come when, where they go, how long callers wait and talk.</summary>
internal static class DemoTraffic
{
    // Expected calls per hour of an ordinary weekday: quiet at night, peaks mid-morning and mid-afternoon, a lunch dip.
    private static readonly double[] HourlyWeights =
    [
        1.1, 0.5, 0.4, 0.3, 0.3, 0.5, 1.4, 4.5, 12.6, 21.6, 27.0, 23.4,
        14.4, 16.2, 21.6, 23.4, 19.8, 14.4, 9.0, 6.3, 4.5, 3.2, 2.2, 1.4,
    ];

    public static double DayFactor(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => 1.15,
        DayOfWeek.Friday => 0.95,
        DayOfWeek.Saturday => 0.45,
        DayOfWeek.Sunday => 0.38,
        _ => 1.0,
    };

    /// <summary>The day's arrival times in seconds from local midnight, ascending.</summary>
    public static List<int> Arrivals(DayOfWeek day, Random random)
    {
        var factor = DayFactor(day) * (0.9 + (0.2 * random.NextDouble()));
        var arrivals = new List<int>();
        for (var hour = 0; hour < HourlyWeights.Length; hour++)
        {
            var expected = HourlyWeights[hour] * factor;
            var count = (int)expected + (random.NextDouble() < expected % 1 ? 1 : 0);
            for (var i = 0; i < count; i++)
            {
                arrivals.Add((hour * 3600) + random.Next(3600));
            }
        }
        arrivals.Sort();
        return arrivals;
    }

    /// <summary>Null: the information service; otherwise one of the queues (sales, support, operator).</summary>
    public static DemoQueueRoute? PickQueue(Random random, IReadOnlyList<DemoQueueRoute> queues)
    {
        var r = random.NextDouble();
        if (r < 0.04 || queues.Count == 0)
        {
            return null;
        }
        // Shares of sales, support and operator among queued calls, in the order the seeder passes them.
        ReadOnlySpan<double> cumulative = [0.44, 0.83, 1.0];
        for (var i = 0; i < queues.Count && i < cumulative.Length; i++)
        {
            if (r < cumulative[i])
            {
                return queues[i];
            }
        }
        return queues[^1];
    }

    /// <summary>Seconds a caller will wait in a queue before hanging up.</summary>
    public static int Patience(Random random)
    {
        // A few callers give up almost at once (dialled by mistake, no time after all).
        if (random.NextDouble() < 0.03)
        {
            return random.Next(3, 13);
        }
        return 20 + (int)(-90 * Math.Log(1 - random.NextDouble()));
    }

    /// <summary>Log-normal talk time around <paramref name="meanSeconds"/>: many short calls, a few long ones.</summary>
    public static int TalkSeconds(Random random, int meanSeconds)
    {
        var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var seconds = meanSeconds * Math.Exp((0.6 * normal) - 0.18);
        return (int)Math.Clamp(seconds, 15, 1800);
    }
}
