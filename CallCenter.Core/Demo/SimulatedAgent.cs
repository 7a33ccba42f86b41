using CallCenter.Core.Domain;

namespace CallCenter.Core.Demo;

/// <summary>
/// One agent through one simulated working day: a single login session from
/// <see cref="LoginAt"/> to (at least) <see cref="LogoutAt"/>, calls and breaks appended in time
/// order, so its periods can neither overlap nor leave gaps.
/// </summary>
internal sealed class SimulatedAgent(DemoRosterAgent roster, int loginAt, int logoutAt, IReadOnlyList<PlannedBreak> breaks)
{
    private readonly List<AgentActivity> _activities = [];
    private int _nextBreak;

    public DemoRosterAgent Roster { get; } = roster;
    public int LoginAt { get; } = loginAt;
    public int LogoutAt { get; } = logoutAt;

    /// <summary>When the agent is next idle; the smallest is the longest idle.</summary>
    public int FreeAt { get; private set; } = loginAt;

    /// <summary>
    /// The first moment from <paramref name="time"/> at which the agent could be offered a call, or
    /// null when that falls after the planned logout. Breaks due by then are taken on the way:
    /// that is safe even if the agent then gets no call, because calls arrive in time order and no
    /// later call could have been offered to the agent before that moment either.
    /// </summary>
    public int? AvailableFrom(int time)
    {
        while (true)
        {
            var at = Math.Max(time, FreeAt);
            if (_nextBreak < breaks.Count && breaks[_nextBreak].PlannedStart <= at)
            {
                TakeBreak(breaks[_nextBreak++]);
                continue;
            }
            return at < LogoutAt ? at : null;
        }
    }

    public void TakeCall(int ringAt, int answeredAt, int endedAt, int wrapUpSeconds, Guid callId)
    {
        _activities.Add(new AgentActivity(ringAt, answeredAt, AgentState.Ringing, null, callId));
        _activities.Add(new AgentActivity(answeredAt, endedAt, AgentState.Talking, null, callId));
        _activities.Add(new AgentActivity(endedAt, endedAt + wrapUpSeconds, AgentState.WrapUp, null, callId));
        FreeAt = endedAt + wrapUpSeconds;
    }

    /// <summary>The whole session with Ready filling the time between activities.</summary>
    public IEnumerable<AgentActivity> Session()
    {
        AvailableFrom(LogoutAt);
        var cursor = LoginAt;
        foreach (var activity in _activities)
        {
            if (activity.Start > cursor)
            {
                yield return new AgentActivity(cursor, activity.Start, AgentState.Ready, null, null);
            }
            yield return activity;
            cursor = activity.End;
        }
        // A call still going on at the planned logout keeps the agent in until it is done.
        if (LogoutAt > cursor)
        {
            yield return new AgentActivity(cursor, LogoutAt, AgentState.Ready, null, null);
        }
    }

    private void TakeBreak(PlannedBreak planned)
    {
        var start = Math.Max(planned.PlannedStart, FreeAt);
        if (start >= LogoutAt)
        {
            return;
        }
        _activities.Add(new AgentActivity(start, start + planned.DurationSeconds, AgentState.NotReady, planned.Reason, null));
        FreeAt = start + planned.DurationSeconds;
    }
}
