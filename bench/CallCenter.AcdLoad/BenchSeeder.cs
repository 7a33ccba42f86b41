using CallCenter.Core.Data;
using CallCenter.Core.Domain;
using CallCenter.Telephony.Sip.Auth;

using Microsoft.EntityFrameworkCore;

namespace CallCenter.AcdLoad;

/// <summary>
/// The bench organisation, written straight into the product's SQLite database (migrated by the product's first
/// start): agents <c>first</c>..<c>first+count-1</c> with password <c>bench&lt;extension&gt;</c>, one group with all of
/// them, one round-robin queue (ring timeout 15 s, wrap-up 1 s) and a dialled number routed to it.
/// </summary>
internal static class BenchSeeder
{
    public const string QueueName = "bench";
    public const string GroupName = "bench";

    public static string PasswordOf(string extension) => "bench" + extension;

    public static SqliteCallCenterDbContext Open(string databasePath) =>
        new(new DbContextOptionsBuilder<SqliteCallCenterDbContext>().UseSqlite($"Data Source={databasePath}").Options);

    public static async Task SeedAsync(string databasePath, int first, int count, string number, string realm)
    {
        await using var db = Open(databasePath);
        if (await db.Queues.AnyAsync(q => q.Name == QueueName))
        {
            Console.WriteLine("bench organisation already seeded");
            return;
        }
        var group = new AgentGroup { Name = GroupName, Description = "bench agents" };
        var agents = Enumerable.Range(first, count).Select(n =>
        {
            var extension = n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var password = PasswordOf(extension);
            var agent = new Agent
            {
                WorkNumber = extension,
                Name = "bench " + extension,
                Extension = extension,
                SipRealm = realm,
                SipHa1Md5 = DigestHash.Ha1(DigestAlgorithm.Md5, extension, realm, password),
                SipHa1Sha256 = DigestHash.Ha1(DigestAlgorithm.Sha256, extension, realm, password),
            };
            group.Members.Add(new AgentGroupMember { Group = group, Agent = agent, Priority = 1 });
            return agent;
        }).ToList();
        var queue = new CallQueue
        {
            Name = QueueName,
            DisplayName = "bench queue",
            Strategy = QueueStrategy.RoundRobin,
            RingTimeoutSeconds = 15,
            WrapUpSeconds = 1,
            MaxWaitSeconds = 120,
            AnnouncePosition = false,
            RecordingRule = RecordingRule.None,
        };
        queue.Groups.Add(new QueueGroup { Queue = queue, Group = group });
        db.Agents.AddRange(agents);
        db.AgentGroups.Add(group);
        db.Queues.Add(queue);
        db.DialledNumbers.Add(new DialledNumber { Number = number, TargetType = RouteTargetType.Queue, Target = QueueName, Description = "bench queue" });
        await db.SaveChangesAsync();
        Console.WriteLine($"seeded {count} agents {first}-{first + count - 1}, queue '{QueueName}' (round-robin, wrap-up 1 s, ring 15 s) on {number}");
    }
}
