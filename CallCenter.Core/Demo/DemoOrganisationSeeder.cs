using CallCenter.Core.Data;
using CallCenter.Core.Domain;
using CallCenter.Telephony.Sip.Auth;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Core.Demo;

/// <summary>
/// Agents with their SIP credentials, groups, skills, seats, queues, dialled numbers, the main IVR
/// flow, the information service and the blacklist: everything the contract fixes except people
/// and customers. One SaveChanges, so the part is there completely or not at all.
/// </summary>
internal static class DemoOrganisationSeeder
{
    private const int Seed = 20260101;

    /// <summary>Seeds the part unless agent 1000 exists; returns whether it did.</summary>
    public static async Task<bool> SeedAsync(
        CallCenterDbContext db, IReadOnlyDictionary<string, Guid> userIds, string realm, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var leaderExtension = DemoContract.CallTakers.First().Extension;
        if (await db.Agents.AnyAsync(a => a.Extension == leaderExtension, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        var random = new Random(Seed);
        var agents = DemoContract.CallTakers.Select((member, index) => CreateAgent(member, index, userIds, realm)).ToList();
        var sales = new AgentGroup { Name = DemoContract.SalesGroup, Description = "销售热线坐席，组长优先接听" };
        var support = new AgentGroup { Name = DemoContract.SupportGroup, Description = "客服与售后坐席，轮流接听" };
        foreach (var (agent, member) in agents.Zip(DemoContract.CallTakers))
        {
            var priority = member.Role == Roles.ShiftLeader ? DemoContract.LeaderPriority : DemoContract.AgentPriority;
            if (member.InSales)
            {
                sales.Members.Add(new AgentGroupMember { Group = sales, Agent = agent, Priority = priority });
            }
            if (member.InSupport)
            {
                support.Members.Add(new AgentGroupMember { Group = support, Agent = agent, Priority = priority });
            }
        }

        // Build the whole graph before adding it: with change detection off, nothing added to a
        // tracked entity's collections later would be saved.
        var skills = CreateSkills(agents, random);
        db.Agents.AddRange(agents);
        db.AgentGroups.AddRange(sales, support);
        db.Skills.AddRange(skills);
        db.Queues.AddRange(
            CreateQueue(DemoContract.SalesQueue, "销售热线", QueueStrategy.Priority, sales),
            CreateQueue(DemoContract.SupportQueue, "客服热线", QueueStrategy.RoundRobin, support),
            CreateQueue(DemoContract.OperatorQueue, "人工服务", QueueStrategy.RingAll, sales, support));
        db.DialledNumbers.AddRange(DemoContract.Numbers.Select(n =>
            new DialledNumber { Number = n.Number, TargetType = n.Type, Target = n.Target, Description = n.Description }));
        db.IvrFlows.Add(new IvrFlow { Name = DemoContract.MainIvrFlow, Description = "总机主菜单", DefinitionJson = DemoIvrFlow.MainDefinitionJson });
        db.InfoItems.AddRange(DemoInfoItems.Create(now));
        db.Blacklist.Add(new BlacklistEntry
        {
            Number = DemoContract.BlacklistedNumber,
            Reason = DemoContract.BlacklistReason,
            CreatedBy = "supervisor",
            CreatedAt = now.AddDays(-12),
        });
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static Agent CreateAgent(DemoStaffMember member, int index, IReadOnlyDictionary<string, Guid> userIds, string realm)
    {
        var extension = member.Extension!;
        var password = member.SipPassword!;
        return new Agent
        {
            UserId = userIds.TryGetValue(member.UserName, out var userId) ? userId : null,
            WorkNumber = extension,
            Name = member.DisplayName,
            Extension = extension,
            SipRealm = realm,
            SipHa1Md5 = DigestHash.Ha1(DigestAlgorithm.Md5, extension, realm, password),
            SipHa1Sha256 = DigestHash.Ha1(DigestAlgorithm.Sha256, extension, realm, password),
            // Floor map: the leader at the head of the room, sales in row 2, support in row 3.
            SeatRow = index == 0 ? 1 : member.InSales ? 2 : 3,
            SeatColumn = index == 0 ? 3 : ((index - 1) % 5) + 1,
        };
    }

    private static List<Skill> CreateSkills(IReadOnlyList<Agent> agents, Random random)
    {
        var mandarin = new Skill { Name = "普通话" };
        var cantonese = new Skill { Name = "粤语" };
        var english = new Skill { Name = "英语" };
        var product = new Skill { Name = "产品知识" };
        var technical = new Skill { Name = "售后技术" };
        var calltakers = DemoContract.CallTakers.ToList();
        for (var i = 0; i < agents.Count; i++)
        {
            var agent = agents[i];
            Add(agent, mandarin, random.Next(7, 11));
            if (calltakers[i].InSales)
            {
                Add(agent, product, random.Next(5, 10));
            }
            if (calltakers[i].InSupport)
            {
                Add(agent, technical, random.Next(5, 10));
            }
            if (i % 3 == 1)
            {
                Add(agent, cantonese, random.Next(3, 9));
            }
            if (i % 4 == 2)
            {
                Add(agent, english, random.Next(3, 8));
            }
        }
        return [mandarin, cantonese, english, product, technical];

        static void Add(Agent agent, Skill skill, int level) =>
            agent.Skills.Add(new AgentSkill { Agent = agent, Skill = skill, Level = level });
    }

    private static CallQueue CreateQueue(string name, string displayName, QueueStrategy strategy, params AgentGroup[] groups)
    {
        var queue = new CallQueue
        {
            Name = name,
            DisplayName = displayName,
            Strategy = strategy,
            RingTimeoutSeconds = DemoContract.RingTimeoutSeconds,
            WrapUpSeconds = DemoContract.WrapUpSeconds,
            MaxWaitSeconds = DemoContract.MaxWaitSeconds,
            OverflowTargetType = RouteTargetType.Voicemail,
            RecordingRule = RecordingRule.All,
        };
        foreach (var group in groups)
        {
            queue.Groups.Add(new QueueGroup { Queue = queue, Group = group });
        }
        return queue;
    }
}
