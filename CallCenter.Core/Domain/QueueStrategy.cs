namespace CallCenter.Core.Domain;

/// <summary>How an ACD queue picks the next agent.</summary>
public enum QueueStrategy
{
    Priority,
    RoundRobin,
    RingAll,
    LongestIdle,
    FewestCalls,
    SkillsBased,
}
