using System.Text.Json;
using CallCenter.Core.Domain;
using CallCenter.Telephony.Sip.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Tests.Core.Demo;

/// <summary>The demo organisation against docs/CONTRACT.md; the expected values are written out here on purpose.</summary>
[Collection(SeededDemoCollection.Name)]
public sealed class DemoOrganisationTests(SeededDemoFixture demo)
{
    private static readonly string[] Extensions = [.. Enumerable.Range(1000, 11).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    public static TheoryData<string, string> Users() => new()
    {
        { "admin", "Admin" }, { "manager", "Manager" }, { "supervisor", "Supervisor" }, { "leader", "ShiftLeader" },
        { "agent01", "Agent" }, { "agent02", "Agent" }, { "agent03", "Agent" }, { "agent04", "Agent" }, { "agent05", "Agent" },
        { "agent06", "Agent" }, { "agent07", "Agent" }, { "agent08", "Agent" }, { "agent09", "Agent" }, { "agent10", "Agent" },
    };

    [Theory]
    [MemberData(nameof(Users))]
    public async Task DemoUserSignsInWithTheDemoPasswordAndHasItsRole(string userName, string role)
    {
        await using var scope = demo.Host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByNameAsync(userName);
        Assert.NotNull(user);
        Assert.True(await users.CheckPasswordAsync(user, "Demo@2026"));
        Assert.False(await users.CheckPasswordAsync(user, "demo@2026"));
        Assert.Equal([role], await users.GetRolesAsync(user));
    }

    [Fact]
    public async Task SipCredentialsAreStoredAsHa1WithTheConfiguredRealm()
    {
        await using var db = demo.Host.CreateDbContext();
        var agent1001 = await db.Agents.Include(a => a.User).SingleAsync(a => a.Extension == "1001");
        Assert.Equal(DigestHash.Ha1(DigestAlgorithm.Md5, "1001", DemoTestHost.Realm, "sip1001demo"), agent1001.SipHa1Md5);
        Assert.Equal(DigestHash.Ha1(DigestAlgorithm.Sha256, "1001", DemoTestHost.Realm, "sip1001demo"), agent1001.SipHa1Sha256);
        Assert.Equal("agent01", agent1001.User?.UserName);

        var agents = await db.Agents.Include(a => a.User).OrderBy(a => a.Extension).ToListAsync();
        Assert.Equal(Extensions, agents.Select(a => a.Extension));
        foreach (var agent in agents)
        {
            var password = $"sip{agent.Extension}demo";
            Assert.Equal(DemoTestHost.Realm, agent.SipRealm);
            Assert.Equal(DigestHash.Ha1(DigestAlgorithm.Md5, agent.Extension, DemoTestHost.Realm, password), agent.SipHa1Md5);
            Assert.Equal(DigestHash.Ha1(DigestAlgorithm.Sha256, agent.Extension, DemoTestHost.Realm, password), agent.SipHa1Sha256);
            Assert.Equal(agent.Extension, agent.WorkNumber);
            Assert.NotNull(agent.User);
            Assert.NotNull(agent.SeatRow);
            Assert.NotNull(agent.SeatColumn);
        }
        Assert.Equal("leader", agents[0].User!.UserName);
        Assert.Equal(agents.Count, agents.Select(a => (a.SeatRow, a.SeatColumn)).Distinct().Count());
    }

    [Fact]
    public void NoColumnAnywhereHoldsAPlainPassword()
    {
        var text = demo.Host.AllText().ToList();
        // The scan itself must see the data, or the absence below would prove nothing.
        Assert.Contains(text, t => t.Value == "恶意骚扰");
        foreach (var secret in Extensions.Select(e => $"sip{e}demo").Append("Demo@2026"))
        {
            Assert.DoesNotContain(text, t => t.Value.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task GroupsHaveTheContractMembersWithTheLeaderHighest()
    {
        await using var db = demo.Host.CreateDbContext();
        var groups = await db.AgentGroups.Include(g => g.Members).ThenInclude(m => m.Agent).ToListAsync();
        Assert.Equal(["客服组", "销售组"], groups.Select(g => g.Name).Order(StringComparer.Ordinal));
        AssertGroup(groups.Single(g => g.Name == "销售组"), ["1000", "1001", "1002", "1003", "1004", "1005"]);
        AssertGroup(groups.Single(g => g.Name == "客服组"), ["1000", "1006", "1007", "1008", "1009", "1010"]);

        static void AssertGroup(AgentGroup group, string[] extensions)
        {
            Assert.Equal(extensions, group.Members.Select(m => m.Agent!.Extension).Order(StringComparer.Ordinal));
            var leader = group.Members.Single(m => m.Agent!.Extension == "1000");
            Assert.All(group.Members.Where(m => m != leader), m => Assert.True(leader.Priority > m.Priority));
        }
    }

    [Fact]
    public async Task QueuesFollowTheContract()
    {
        await using var db = demo.Host.CreateDbContext();
        var queues = await db.Queues.Include(q => q.Groups).ThenInclude(g => g.Group).ToDictionaryAsync(q => q.Name);
        Assert.Equal(["operator", "sales", "support"], queues.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(QueueStrategy.Priority, queues["sales"].Strategy);
        Assert.Equal(QueueStrategy.RoundRobin, queues["support"].Strategy);
        Assert.Equal(QueueStrategy.RingAll, queues["operator"].Strategy);
        Assert.Equal(["销售组"], queues["sales"].Groups.Select(g => g.Group!.Name));
        Assert.Equal(["客服组"], queues["support"].Groups.Select(g => g.Group!.Name));
        Assert.Equal(["客服组", "销售组"], queues["operator"].Groups.Select(g => g.Group!.Name).Order(StringComparer.Ordinal));
        Assert.All(queues.Values, q =>
        {
            Assert.Equal(15, q.RingTimeoutSeconds);
            Assert.Equal(5, q.WrapUpSeconds);
            Assert.Equal(120, q.MaxWaitSeconds);
            Assert.Equal(RouteTargetType.Voicemail, q.OverflowTargetType);
            Assert.Equal(RecordingRule.All, q.RecordingRule);
        });
    }

    [Fact]
    public async Task DialledNumbersLeadWhereTheContractSays()
    {
        await using var db = demo.Host.CreateDbContext();
        var numbers = await db.DialledNumbers.ToDictionaryAsync(n => n.Number, n => (n.TargetType, n.Target));
        Assert.Equal(6, numbers.Count);
        Assert.Equal((RouteTargetType.IvrFlow, "main"), numbers["4000"]);
        Assert.Equal((RouteTargetType.Queue, "sales"), numbers["4001"]);
        Assert.Equal((RouteTargetType.Queue, "support"), numbers["4002"]);
        Assert.Equal(RouteTargetType.InfoService, numbers["4003"].TargetType);
        Assert.Equal((RouteTargetType.Queue, "operator"), numbers["4004"]);
        Assert.Equal(RouteTargetType.EchoTest, numbers["9196"].TargetType);
    }

    [Fact]
    public async Task MainIvrMenuBranchesToTheContractTargets()
    {
        await using var db = demo.Host.CreateDbContext();
        var flow = await db.IvrFlows.SingleAsync(f => f.Name == "main");
        using var json = JsonDocument.Parse(flow.DefinitionJson);
        var nodes = json.RootElement.GetProperty("nodes");
        var start = nodes.GetProperty(json.RootElement.GetProperty("start").GetString()!);
        Assert.Equal("menu", start.GetProperty("type").GetString());
        Assert.True(nodes.TryGetProperty(start.GetProperty("fallback").GetString()!, out _));

        var branches = start.GetProperty("branches");
        Assert.Equal(["0", "1", "2", "3"], branches.EnumerateObject().Select(b => b.Name).Order(StringComparer.Ordinal));
        Assert.Equal(("Queue", "sales"), RouteOf(branches.GetProperty("1").GetString()!));
        Assert.Equal(("Queue", "support"), RouteOf(branches.GetProperty("2").GetString()!));
        Assert.Equal(("InfoService", null), RouteOf(branches.GetProperty("3").GetString()!));
        Assert.Equal(("Queue", "operator"), RouteOf(branches.GetProperty("0").GetString()!));

        // Follows play nodes to the route the caller ends up on.
        (string?, string?) RouteOf(string id)
        {
            var node = nodes.GetProperty(id);
            if (node.GetProperty("type").GetString() == "play")
            {
                return RouteOf(node.GetProperty("next").GetString()!);
            }
            Assert.Equal("route", node.GetProperty("type").GetString());
            var target = node.GetProperty("target");
            Assert.True(Enum.TryParse<RouteTargetType>(target.GetProperty("type").GetString(), out _));
            return (target.GetProperty("type").GetString(), target.TryGetProperty("key", out var key) ? key.GetString() : null);
        }
    }

    [Fact]
    public async Task AgentsHaveSkillsWithLevelsInRange()
    {
        await using var db = demo.Host.CreateDbContext();
        var skills = await db.AgentSkills.ToListAsync();
        Assert.True(await db.Skills.CountAsync() >= 3);
        Assert.Equal(11, skills.Select(s => s.AgentId).Distinct().Count());
        Assert.All(skills, s => Assert.InRange(s.Level, 1, 10));
    }
}
