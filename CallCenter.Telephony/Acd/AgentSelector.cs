namespace CallCenter.Telephony.Acd;

/// <summary>
/// The queue strategies (<see cref="AcdStrategy"/>): which of a queue's Ready members its next call rings. Pure
/// functions of their inputs; ties always fall back to the member order, so a choice is never left to chance.
/// </summary>
internal static class AgentSelector
{
    /// <summary>
    /// The extensions to ring (one, or every one for ring-all; none when nobody fits).
    /// </summary>
    /// <param name="strategy">The queue's strategy.</param>
    /// <param name="ready">The queue's offerable members, in member order.</param>
    /// <param name="memberCount">How many members the queue has (round-robin wraps around them).</param>
    /// <param name="lastOfferedIndex">Round-robin: the member index offered last, -1 when none.</param>
    /// <param name="requiredSkills">Skills-based: skill name → minimum level.</param>
    public static IReadOnlyList<string> Select(
        AcdStrategy strategy,
        IReadOnlyList<AgentCandidate> ready,
        int memberCount,
        int lastOfferedIndex,
        IReadOnlyDictionary<string, int> requiredSkills)
    {
        ArgumentNullException.ThrowIfNull(ready);
        ArgumentNullException.ThrowIfNull(requiredSkills);
        if (ready.Count == 0)
        {
            return [];
        }
        if (strategy == AcdStrategy.RingAll)
        {
            return [.. ready.OrderBy(c => c.MemberIndex).Select(c => c.Extension)];
        }
        var chosen = strategy switch
        {
            AcdStrategy.Priority => ready.OrderByDescending(c => c.MemberPriority).ThenBy(c => c.MemberIndex).First(),
            AcdStrategy.RoundRobin => NextAfter(ready, memberCount, lastOfferedIndex),
            AcdStrategy.LongestIdle => ready.OrderBy(c => c.IdleSince).ThenBy(c => c.MemberIndex).First(),
            AcdStrategy.FewestCalls => ready.OrderBy(c => c.AnsweredToday).ThenBy(c => c.IdleSince).ThenBy(c => c.MemberIndex).First(),
            AcdStrategy.SkillsBased => BestSkilled(ready, requiredSkills),
            _ => throw new ArgumentOutOfRangeException(nameof(strategy), strategy, "Unknown strategy."),
        };
        return chosen is null ? [] : [chosen.Extension];
    }

    /// <summary>True when <paramref name="skills"/> has every required skill at its minimum level or above.</summary>
    public static bool IsQualified(IReadOnlyDictionary<string, int> skills, IReadOnlyDictionary<string, int> requiredSkills) =>
        requiredSkills.All(r => skills.TryGetValue(r.Key, out var level) && level >= r.Value);

    private static AgentCandidate NextAfter(IReadOnlyList<AgentCandidate> ready, int memberCount, int lastOfferedIndex)
    {
        var count = Math.Max(memberCount, ready.Max(c => c.MemberIndex) + 1);
        // Distance going forward from the member after the last one offered, wrapping around the member list.
        return ready.OrderBy(c => ((c.MemberIndex - lastOfferedIndex - 1) % count + count) % count).First();
    }

    private static AgentCandidate? BestSkilled(IReadOnlyList<AgentCandidate> ready, IReadOnlyDictionary<string, int> requiredSkills) =>
        ready
            .Where(c => IsQualified(c.Skills, requiredSkills))
            .OrderByDescending(c => requiredSkills.Keys.Sum(name => c.Skills[name]))
            .ThenBy(c => c.IdleSince)
            .ThenBy(c => c.MemberIndex)
            .FirstOrDefault();
}
