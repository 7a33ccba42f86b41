namespace CallCenter.Core.Demo;

/// <summary>
/// Who works on a day, when, and which breaks they plan. Agents rotate weekly between an early
/// (08:00–17:00) and a late (13:00–22:00) shift, a third of them work at weekends, and the leader
/// works office hours on weekdays. Nobody is logged in at night: night callers wait, then leave
/// a voicemail or hang up.
/// </summary>
internal static class DemoShiftPlanner
{
    private const int Hour = 3600;
    private const int Minute = 60;

    public static List<SimulatedAgent> Plan(DateOnly date, IReadOnlyList<DemoRosterAgent> roster, Random random)
    {
        var day = date.DayNumber;
        var week = day / 7;
        var weekend = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        var working = new List<SimulatedAgent>();
        foreach (var agent in roster)
        {
            if (agent.IsLeader)
            {
                if (!weekend)
                {
                    working.Add(Create(agent, 9 * Hour, 18 * Hour, LeaderBreaks(date, random), random));
                }
                continue;
            }
            // Weekdays: one agent in eleven has a day off; weekends: every third agent works.
            var works = weekend ? (agent.Index + day) % 3 == 0 : (agent.Index + day) % 11 != 0;
            if (!works)
            {
                continue;
            }
            var early = (agent.Index + week) % 2 == 0;
            var start = early ? 8 * Hour : 13 * Hour;
            working.Add(Create(agent, start, start + (9 * Hour), AgentBreaks(date, agent, early, start, week, random), random));
        }
        return working;
    }

    private static SimulatedAgent Create(DemoRosterAgent agent, int shiftStart, int shiftEnd, List<PlannedBreak> breaks, Random random)
    {
        var login = shiftStart - random.Next(0, 10 * Minute);
        var logout = shiftEnd + random.Next(0, 10 * Minute);
        breaks.Sort((a, b) => a.PlannedStart.CompareTo(b.PlannedStart));
        return new SimulatedAgent(agent, login, logout, breaks);
    }

    private static List<PlannedBreak> AgentBreaks(DateOnly date, DemoRosterAgent agent, bool early, int start, int week, Random random)
    {
        // Staggered by seat in three waves, so a team never leaves its queue empty for a break.
        var wave = agent.Index % 3;
        var breaks = new List<PlannedBreak>
        {
            new(start + (100 * Minute) + (wave * 25 * Minute) + random.Next(0, 10 * Minute), random.Next(10, 16) * Minute, "休息"),
            new(start + (3 * Hour) + (30 * Minute) + (wave * 45 * Minute) + random.Next(0, 10 * Minute), random.Next(30, 46) * Minute, "用餐"),
            new(start + (6 * Hour) + (40 * Minute) + (wave * 25 * Minute) + random.Next(0, 10 * Minute), random.Next(10, 16) * Minute, "休息"),
        };
        if (date.DayOfWeek == DayOfWeek.Monday && early)
        {
            breaks.Add(new(start + (10 * Minute), 20 * Minute, "会议"));
        }
        if (date.DayOfWeek == DayOfWeek.Wednesday && agent.Index % 3 == week % 3)
        {
            breaks.Add(new(14 * Hour, Hour, "培训"));
        }
        return breaks;
    }

    private static List<PlannedBreak> LeaderBreaks(DateOnly date, Random random)
    {
        var breaks = new List<PlannedBreak>
        {
            new((10 * Hour) + (45 * Minute) + random.Next(0, 15 * Minute), random.Next(10, 16) * Minute, "休息"),
            new((12 * Hour) + random.Next(0, 15 * Minute), random.Next(30, 46) * Minute, "用餐"),
            new((16 * Hour) + random.Next(0, 15 * Minute), random.Next(10, 16) * Minute, "休息"),
        };
        if (date.DayOfWeek == DayOfWeek.Monday)
        {
            breaks.Add(new((9 * Hour) + (30 * Minute), Hour, "会议"));
        }
        if (date.DayOfWeek == DayOfWeek.Thursday)
        {
            breaks.Add(new(15 * Hour, 30 * Minute, "会议"));
        }
        return breaks;
    }
}
