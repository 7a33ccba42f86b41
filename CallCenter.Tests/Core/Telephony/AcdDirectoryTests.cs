using CallCenter.Core.Data;
using CallCenter.Core.Demo;
using CallCenter.Core.Domain;
using CallCenter.Core.Telephony;
using CallCenter.Telephony.Acd;
using CallCenter.Tests.Core.Demo;
using CallCenter.Tests.Support;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Tests.Core.Telephony;

[Collection(SeededDemoCollection.Name)]
public sealed class AcdDirectoryTests(SeededDemoFixture demo)
{
    private static readonly string[] SalesAgents = ["1001", "1002", "1003", "1004", "1005"];
    private static readonly string[] SupportAgents = ["1006", "1007", "1008", "1009", "1010"];

    [Fact]
    public async Task DemoQueuesHaveTheContractsStrategiesMembersAndTimers()
    {
        var directory = NewDirectory(demo.Host);

        var queues = await directory.GetQueuesAsync(CancellationToken.None);

        Assert.Equal(["operator", "sales", "support"], queues.Select(q => q.Name));
        var sales = await directory.GetQueueAsync("sales", CancellationToken.None);
        Assert.NotNull(sales);
        Assert.Equal(AcdStrategy.Priority, sales.Strategy);
        Assert.Equal(
            [new AcdQueueMember("1000", DemoContract.LeaderPriority), .. SalesAgents.Select(e => new AcdQueueMember(e, DemoContract.AgentPriority))],
            sales.Members);
        Assert.True(sales.Members[0].Priority > sales.Members.Skip(1).Max(m => m.Priority));

        var support = await directory.GetQueueAsync("support", CancellationToken.None);
        Assert.NotNull(support);
        Assert.Equal(AcdStrategy.RoundRobin, support.Strategy);
        Assert.Equal(["1000", .. SupportAgents], support.Members.Select(m => m.Extension));

        var @operator = await directory.GetQueueAsync("operator", CancellationToken.None);
        Assert.NotNull(@operator);
        Assert.Equal(AcdStrategy.RingAll, @operator.Strategy);
        // The leader is in both groups: once, at its priority there.
        Assert.Equal(["1000", .. SalesAgents, .. SupportAgents], @operator.Members.Select(m => m.Extension));
        Assert.Equal(DemoContract.LeaderPriority, @operator.Members[0].Priority);

        Assert.All(queues, q =>
        {
            Assert.Equal(TimeSpan.FromSeconds(15), q.RingTimeout);
            Assert.Equal(TimeSpan.FromSeconds(5), q.WrapUp);
            Assert.Equal(TimeSpan.FromSeconds(120), q.MaxWait);
            Assert.Equal(new AcdOverflow(AcdOverflowKind.Voicemail, null), q.Overflow);
            Assert.Null(q.Hours);
        });
        Assert.Null(await directory.GetQueueAsync("nowhere", CancellationToken.None));
    }

    [Fact]
    public async Task DemoAgentsCarryNameMissedOfferLimitAndSkills()
    {
        var directory = NewDirectory(demo.Host);

        var agent = await directory.GetAgentAsync("1001", CancellationToken.None);

        Assert.NotNull(agent);
        Assert.Equal(("1001", "李静", 3), (agent.Extension, agent.Name, agent.MaxMissedOffers));
        Assert.InRange(agent.Skills["普通话"], 7, 10);
        Assert.InRange(agent.Skills["产品知识"], 5, 9);
        Assert.False(agent.Skills.ContainsKey("售后技术"));
        Assert.Null(await directory.GetAgentAsync("9999", CancellationToken.None));
    }

    [Fact]
    public async Task OverflowSkillsFlagsAndMembershipAreMappedFromTheQueueRow()
    {
        using var database = new SqliteTestDatabase();
        using (var db = database.CreateDbContext())
        {
            var english = new Skill { Name = "英语" };
            var a = Agent("2001", "甲");
            var b = Agent("2002", "乙");
            var inactive = Agent("2003", "丙");
            inactive.IsActive = false;
            var noExtension = Agent("", "丁");
            a.Skills.Add(new AgentSkill { Agent = a, Skill = english, Level = 6 });
            var first = new AgentGroup { Name = "一组" };
            var second = new AgentGroup { Name = "二组" };
            first.Members.AddRange([Member(first, a, 2), Member(first, b, 7), Member(first, inactive, 9), Member(first, noExtension, 9)]);
            second.Members.Add(Member(second, a, 8));
            var skilled = new CallQueue
            {
                Name = "vip", DisplayName = "贵宾", Strategy = QueueStrategy.SkillsBased, RingTimeoutSeconds = 20, MaxWaitSeconds = 60,
                WrapUpSeconds = 30, OverflowTargetType = RouteTargetType.Queue, OverflowTarget = "general", JoinWhenEmpty = false,
                LeaveWhenEmpty = true, AnnouncePosition = false, AnnounceIntervalSeconds = 45, OfferCallback = true,
            };
            skilled.Groups.AddRange([new QueueGroup { Queue = skilled, Group = first }, new QueueGroup { Queue = skilled, Group = second }]);
            skilled.RequiredSkills.Add(new QueueSkillRequirement { Queue = skilled, Skill = english, MinLevel = 5 });
            var general = new CallQueue { Name = "general", DisplayName = "普通", Strategy = QueueStrategy.LongestIdle, OverflowTargetType = RouteTargetType.Extension, OverflowTarget = "2001" };
            var hangup = new CallQueue { Name = "closed", DisplayName = "下班", Strategy = QueueStrategy.FewestCalls, OverflowTargetType = RouteTargetType.Hangup };
            db.AddRange(a, b, inactive, noExtension, first, second, skilled, general, hangup);
            db.SaveChanges();
        }
        var directory = NewDirectory(database);

        var vip = await directory.GetQueueAsync("vip", CancellationToken.None);
        var general2 = await directory.GetQueueAsync("general", CancellationToken.None);
        var closed = await directory.GetQueueAsync("closed", CancellationToken.None);

        Assert.NotNull(vip);
        Assert.Equal(("贵宾", AcdStrategy.SkillsBased), (vip.DisplayName, vip.Strategy));
        Assert.Equal((TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(30)), (vip.RingTimeout, vip.MaxWait, vip.WrapUp));
        Assert.Equal(new AcdOverflow(AcdOverflowKind.Queue, "general"), vip.Overflow);
        Assert.Equal((false, true, false, TimeSpan.FromSeconds(45), true), (vip.JoinWhenEmpty, vip.LeaveWhenEmpty, vip.AnnouncePosition, vip.AnnounceInterval, vip.OfferCallback));
        Assert.Equal(5, Assert.Single(vip.RequiredSkills, s => s.Key == "英语").Value);
        // 2001 is in both groups (2 and 8): the higher counts; inactive agents and agents without an extension are no members.
        Assert.Equal([new AcdQueueMember("2001", 8), new AcdQueueMember("2002", 7)], vip.Members);
        Assert.NotNull(general2);
        Assert.Equal((AcdStrategy.LongestIdle, AcdOverflowKind.Hangup), (general2.Strategy, general2.Overflow.Kind));
        Assert.Empty(general2.Members);
        Assert.NotNull(closed);
        Assert.Equal((AcdStrategy.FewestCalls, new AcdOverflow(AcdOverflowKind.Hangup, null)), (closed.Strategy, closed.Overflow));
        Assert.Null(await directory.GetAgentAsync("2003", CancellationToken.None));
        Assert.Equal(6, (await directory.GetAgentAsync("2001", CancellationToken.None))!.Skills["英语"]);
    }

    [Fact]
    public async Task BusinessHoursAreMappedAndUnreadableOnesCountAsAlwaysOpenWithOneWarning()
    {
        using var database = new SqliteTestDatabase();
        using (var db = database.CreateDbContext())
        {
            db.Queues.AddRange(
                new CallQueue { Name = "office", DisplayName = "办公", BusinessHours = "Mon-Fri 09:00-18:00; Sat 09:00-12:00" },
                new CallQueue { Name = "broken", DisplayName = "坏", BusinessHours = "Mon-Fry 09:00-18:00" },
                new CallQueue { Name = "always", DisplayName = "全天" });
            db.SaveChanges();
        }
        using var logs = new CapturingLoggerProvider();
        using var loggerFactory = new LoggerFactory([logs]);
        var directory = new AcdDirectory(database, new FakeTimeProvider(DemoTestHost.Now), loggerFactory.CreateLogger<AcdDirectory>());

        var office = await directory.GetQueueAsync("office", CancellationToken.None);
        var broken = await directory.GetQueueAsync("broken", CancellationToken.None);
        var always = await directory.GetQueueAsync("always", CancellationToken.None);

        Assert.NotNull(office?.Hours);
        Assert.Equal("Mon-Fri 09:00-18:00; Sat 09:00-12:00", office.Hours.ToString());
        // 2026-12-05 is a Saturday.
        Assert.True(office.Hours.IsOpen(new DateTimeOffset(2026, 12, 5, 11, 0, 0, TimeSpan.FromHours(8))));
        Assert.False(office.Hours.IsOpen(new DateTimeOffset(2026, 12, 5, 12, 0, 0, TimeSpan.FromHours(8))));
        Assert.NotNull(broken);
        Assert.Null(broken.Hours);
        Assert.NotNull(always);
        Assert.Null(always.Hours);
        var warning = Assert.Single(logs.Entries, e => e.Category == typeof(AcdDirectory).FullName && e.Level == LogLevel.Warning);
        Assert.Contains("broken", warning.Message);
        Assert.Contains("'Mon-Fry' is not a day range", warning.Message);

        // The same bad row is not reported again at the next reload.
        directory.Invalidate();
        Assert.Null((await directory.GetQueueAsync("broken", CancellationToken.None))!.Hours);
        Assert.Single(logs.Entries, e => e.Level == LogLevel.Warning);
    }

    [Fact]
    public async Task TheSnapshotIsServedUntilInvalidated()
    {
        using var database = new SqliteTestDatabase();
        using (var db = database.CreateDbContext())
        {
            db.Queues.Add(new CallQueue { Name = "q", DisplayName = "Q", RingTimeoutSeconds = 15 });
            db.SaveChanges();
        }
        var directory = NewDirectory(database);
        Assert.Equal(TimeSpan.FromSeconds(15), (await directory.GetQueueAsync("q", CancellationToken.None))!.RingTimeout);

        using (var db = database.CreateDbContext())
        {
            await db.Queues.ExecuteUpdateAsync(s => s.SetProperty(q => q.RingTimeoutSeconds, 25));
        }
        Assert.Equal(TimeSpan.FromSeconds(15), (await directory.GetQueueAsync("q", CancellationToken.None))!.RingTimeout);
        directory.Invalidate();

        Assert.Equal(TimeSpan.FromSeconds(25), (await directory.GetQueueAsync("q", CancellationToken.None))!.RingTimeout);
    }

    private static AcdDirectory NewDirectory(IDbContextFactory<CallCenterDbContext> factory) =>
        new(factory, new FakeTimeProvider(DemoTestHost.Now), NullLogger<AcdDirectory>.Instance);

    private static Agent Agent(string extension, string name) =>
        new() { Extension = extension, WorkNumber = extension == "" ? name : extension, Name = name, SipRealm = "test" };

    private static AgentGroupMember Member(AgentGroup group, Agent agent, int priority) =>
        new() { Group = group, Agent = agent, Priority = priority };
}
