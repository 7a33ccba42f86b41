namespace CallCenter.Telephony.Acd;

/// <summary>How a queue picks the agent for its next call.</summary>
public enum AcdStrategy
{
    /// <summary>The Ready member with the highest priority (ties: the member order).</summary>
    Priority,

    /// <summary>The next Ready member after the one offered last (the queue remembers).</summary>
    RoundRobin,

    /// <summary>Every Ready member rings at once; the first to answer gets the call, the others stop ringing.</summary>
    RingAll,

    /// <summary>The Ready member idle the longest.</summary>
    LongestIdle,

    /// <summary>The Ready member who answered the fewest calls today.</summary>
    FewestCalls,

    /// <summary>Only members with every required skill at its minimum level; ranked by level, then idle time.</summary>
    SkillsBased,
}
