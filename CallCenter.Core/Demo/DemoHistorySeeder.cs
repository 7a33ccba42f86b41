using CallCenter.Core.Data;
using CallCenter.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Core.Demo;

/// <summary>
/// Thirty days of past traffic before the seeding day: calls with legs, agent-state intervals and
/// service records, in one SaveChanges.
/// <para>
/// Agent periods: one login session per agent per working day, from login to logout, covered by
/// intervals without gaps or overlaps (Ready, Ringing, Talking, WrapUp, NotReady with a reason).
/// LoggedOut is not stored as an interval: the time between two sessions is simply not covered.
/// </para>
/// History goes only into an empty call log, so it never mixes with real traffic and is never made twice.
/// </summary>
internal static class DemoHistorySeeder
{
    public const int Days = 30;
    private const int Seed = 20260303;

    // Days back from the seeding day on which the contract's fixed customers called (and were answered).
    private static readonly int[] ZhangWeiDays = [2, 6, 11, 18, 25];
    private static readonly int[] LiNaDays = [4, 15];

    public static async Task<bool> SeedAsync(CallCenterDbContext db, DateTimeOffset now, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        if (await db.Calls.AnyAsync(cancellationToken).ConfigureAwait(false))
        {
            return false;
        }
        var roster = await LoadRosterAsync(db, cancellationToken).ConfigureAwait(false);
        var queues = await LoadQueuesAsync(db, cancellationToken).ConfigureAwait(false);
        if (roster.Count == 0 || queues.Count == 0)
        {
            return false;
        }
        var phones = (await db.CustomerPhones.AsNoTracking()
                .OrderBy(p => p.Number)
                .Select(p => new { p.Number, p.CustomerId })
                .ToListAsync(cancellationToken).ConfigureAwait(false))
            .Select(p => (p.Number, p.CustomerId))
            .ToList();

        var random = new Random(Seed);
        var callers = new DemoCallerBook(phones, random);
        var today = DateOnly.FromDateTime(now.DateTime);
        var calls = new List<Call>();
        var intervals = new List<AgentStateInterval>();
        var callsByDaysBack = new Dictionary<int, List<Call>>();
        for (var daysBack = Days; daysBack >= 1; daysBack--)
        {
            var dayCalls = new List<Call>();
            new DemoDaySimulation(today.AddDays(-daysBack), zone, roster, queues, callers, random).Run(dayCalls, intervals);
            callsByDaysBack[daysBack] = dayCalls;
            calls.AddRange(dayCalls);
        }

        var zhangWei = CustomerOf(phones, DemoContract.ZhangWeiNumber);
        AssignRegularCaller(callsByDaysBack, ZhangWeiDays, DemoContract.ZhangWeiNumber, zhangWei, zone);
        AssignRegularCaller(callsByDaysBack, LiNaDays, DemoContract.LiNaNumber, CustomerOf(phones, DemoContract.LiNaNumber), zone);

        db.Calls.AddRange(calls);
        db.AgentStateIntervals.AddRange(intervals);
        db.ServiceRecords.AddRange(DemoServiceRecords.Create(calls, zhangWei, now, random));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static async Task<List<DemoRosterAgent>> LoadRosterAsync(CallCenterDbContext db, CancellationToken cancellationToken)
    {
        var extensions = DemoContract.CallTakers.Select(s => s.Extension!).ToList();
        var agents = await db.Agents.AsNoTracking()
            .Where(a => extensions.Contains(a.Extension))
            .OrderBy(a => a.Extension)
            .Select(a => new { a.Id, a.Extension })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var ids = agents.Select(a => a.Id).ToList();
        var memberships = await db.AgentGroupMembers.AsNoTracking()
            .Where(m => ids.Contains(m.AgentId))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var leaderExtension = extensions[0];
        return agents
            .Select(a => new DemoRosterAgent(
                a.Id,
                a.Extension,
                extensions.IndexOf(a.Extension),
                a.Extension == leaderExtension,
                memberships.Where(m => m.AgentId == a.Id).ToDictionary(m => m.GroupId, m => m.Priority)))
            .ToList();
    }

    private static async Task<List<DemoQueueRoute>> LoadQueuesAsync(CallCenterDbContext db, CancellationToken cancellationToken)
    {
        // Sales, support, operator: the order DemoTraffic's shares refer to; mean talk seconds per queue.
        (string Name, int MeanTalkSeconds)[] wanted = [(DemoContract.SalesQueue, 240), (DemoContract.SupportQueue, 300), (DemoContract.OperatorQueue, 120)];
        var names = wanted.Select(w => w.Name).ToList();
        var queues = await db.Queues.AsNoTracking()
            .Where(q => names.Contains(q.Name))
            .Include(q => q.Groups)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var routes = new List<DemoQueueRoute>();
        foreach (var (name, meanTalk) in wanted)
        {
            var queue = queues.FirstOrDefault(q => q.Name == name);
            var number = DemoContract.Numbers.FirstOrDefault(n => n.Type == RouteTargetType.Queue && n.Target == name).Number;
            if (queue is not null && number is not null)
            {
                routes.Add(new DemoQueueRoute(
                    queue.Id, number, queue.Strategy, queue.Groups.Select(g => g.GroupId).ToHashSet(), meanTalk, queue.WrapUpSeconds, queue.MaxWaitSeconds));
            }
        }
        return routes;
    }

    private static Guid? CustomerOf(List<(string Number, Guid CustomerId)> phones, string number) =>
        phones.Where(p => p.Number == number).Select(p => (Guid?)p.CustomerId).FirstOrDefault();

    // Give a fixed customer answered calls in office hours on set days, taking them over from unknown callers.
    private static void AssignRegularCaller(Dictionary<int, List<Call>> callsByDaysBack, int[] days, string number, Guid? customerId, TimeZoneInfo zone)
    {
        if (customerId is null)
        {
            return;
        }
        foreach (var daysBack in days)
        {
            var call = callsByDaysBack[daysBack].FirstOrDefault(c =>
                c.AnsweredAt is not null && c.CustomerId is null && TimeZoneInfo.ConvertTime(c.OfferedAt, zone).Hour is >= 9 and < 17);
            if (call is not null)
            {
                call.CallerNumber = number;
                call.CustomerId = customerId;
                call.Legs[0].Number = number;
            }
        }
    }
}
