using CallCenter.Telephony.Acd;

namespace CallCenter.Tests.Acd;

public class AgentSelectorTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 3, 8, 0, 0, TimeSpan.Zero);
    private static readonly Dictionary<string, int> NoSkills = [];

    private static AgentCandidate C(string ext, int index, int priority = 0, int idleMinutes = 0, int answered = 0, Dictionary<string, int>? skills = null) =>
        new(ext, index, priority, T0.AddMinutes(idleMinutes), answered, skills ?? NoSkills);

    [Fact]
    public void PriorityTakesTheHighestThenTheMemberOrder()
    {
        var picks = AgentSelector.Select(AcdStrategy.Priority, [C("a", 0, 1), C("b", 1, 5), C("c", 2, 5)], 3, -1, NoSkills);
        Assert.Equal(["b"], picks);
    }

    [Fact]
    public void RoundRobinTakesTheNextReadyMemberAfterTheLastOfferedAndWraps()
    {
        Assert.Equal(["a"], AgentSelector.Select(AcdStrategy.RoundRobin, [C("a", 0), C("b", 1), C("c", 2)], 3, -1, NoSkills));
        Assert.Equal(["c"], AgentSelector.Select(AcdStrategy.RoundRobin, [C("a", 0), C("c", 2)], 3, 0, NoSkills));
        Assert.Equal(["a"], AgentSelector.Select(AcdStrategy.RoundRobin, [C("a", 0), C("b", 1)], 3, 2, NoSkills));
        Assert.Equal(["b"], AgentSelector.Select(AcdStrategy.RoundRobin, [C("b", 1)], 3, 1, NoSkills));
    }

    [Fact]
    public void RingAllTakesEveryReadyMember()
    {
        Assert.Equal(["a", "c"], AgentSelector.Select(AcdStrategy.RingAll, [C("c", 2), C("a", 0)], 3, -1, NoSkills));
    }

    [Fact]
    public void LongestIdleTakesTheEarliestIdleSince()
    {
        Assert.Equal(["b"], AgentSelector.Select(AcdStrategy.LongestIdle, [C("a", 0, idleMinutes: 5), C("b", 1, idleMinutes: 1), C("c", 2, idleMinutes: 3)], 3, -1, NoSkills));
    }

    [Fact]
    public void FewestCallsTakesTheFewestAnsweredThenTheLongestIdle()
    {
        var picks = AgentSelector.Select(AcdStrategy.FewestCalls, [C("a", 0, idleMinutes: 0, answered: 4), C("b", 1, idleMinutes: 9, answered: 2), C("c", 2, idleMinutes: 3, answered: 2)], 3, -1, NoSkills);
        Assert.Equal(["c"], picks);
    }

    [Fact]
    public void SkillsBasedTakesOnlyQualifiedAgentsRankedBySumOfRequiredLevels()
    {
        var required = new Dictionary<string, int> { ["english"] = 5, ["billing"] = 3 };
        var candidates = new[]
        {
            C("low", 0, idleMinutes: 0, skills: new() { ["english"] = 4, ["billing"] = 10 }),
            C("missing", 1, idleMinutes: 0, skills: new() { ["english"] = 10 }),
            C("ok", 2, idleMinutes: 0, skills: new() { ["english"] = 5, ["billing"] = 3, ["french"] = 10 }),
            C("best", 3, idleMinutes: 5, skills: new() { ["english"] = 7, ["billing"] = 4 }),
        };
        Assert.Equal(["best"], AgentSelector.Select(AcdStrategy.SkillsBased, candidates, 4, -1, required));
        Assert.Empty(AgentSelector.Select(AcdStrategy.SkillsBased, candidates[..2], 4, -1, required));
    }
}
