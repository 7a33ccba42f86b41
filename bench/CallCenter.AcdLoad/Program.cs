using System.Globalization;
using System.Net;

using CallCenter.AcdLoad;
using CallCenter.Telephony.Simulation;

using Microsoft.EntityFrameworkCore;

// bench/acd-load.sh drives this: `seed` writes the bench organisation into the product's database, `run` places the
// traffic against the running product and prints the simulator's counts and routing latency, then what the database
// recorded for the same calls.
var command = args.FirstOrDefault();
var options = new BenchArguments(args.Skip(1));
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
switch (command)
{
    case "seed":
        await BenchSeeder.SeedAsync(options.Text("db"), options.Int("first", 2000), options.Int("agents", 100), options.Text("number", "4100"),
            options.Text("realm", "callcenter"));
        return 0;
    case "run":
        return await RunAsync(options);
    default:
        Console.Error.WriteLine("usage: seed --db FILE [--first 2000] [--agents 100] [--number 4100] | run --db FILE --server 127.0.0.1:PORT [--rate 20] [--duration 300] [--agents 100] [--first 2000] [--talk 3] [--number 4100]");
        return 2;
}

static async Task<int> RunAsync(BenchArguments options)
{
    var server = IPEndPoint.Parse(options.Text("server"));
    var db = options.Text("db");
    var first = options.Int("first", 2000);
    var count = options.Int("agents", 100);
    var rate = options.Double("rate", 20);
    var duration = TimeSpan.FromSeconds(options.Double("duration", 300));
    var talk = options.Double("talk", 3);
    var number = options.Text("number", "4100");
    var started = DateTimeOffset.UtcNow;

    await using var simulator = new TrafficSimulator(new TrafficSimulatorOptions
    {
        Server = server,
        Agents = Enumerable.Range(first, count).Select(n => n.ToString(CultureInfo.InvariantCulture))
            .Select(e => new SimulatedAgentAccount(e, BenchSeeder.PasswordOf(e))).ToArray(),
        DialledNumbers = [number],
        CallsPerSecond = rate,
        AnswerDelay = TimeRange.Seconds(0.2, 0.5),
        TalkTime = TimeRange.Seconds(talk, talk),
        // Patient customers: a call that does not reach an agent within a minute is the server's failure, not a choice.
        Patience = TimeRange.Seconds(60, 60),
        DrainTimeout = TimeSpan.FromSeconds(90),
        Seed = 2026,
    });
    var registered = await simulator.StartAgentsAsync();
    var loggedIn = simulator.Agents.Count(a => a.IsRegistered);
    Console.WriteLine($"agents: {registered} of {count} registered ({loggedIn} still registered after *61)");
    Console.WriteLine($"traffic: {rate}/s to {number} for {duration.TotalSeconds:F0} s, agent answers after 0.2-0.5 s and talks {talk} s");

    using var progress = new CancellationTokenSource();
    var reporter = Task.Run(async () =>
    {
        try
        {
            while (true)
            {
                await Task.Delay(TimeSpan.FromSeconds(10), progress.Token);
                var s = simulator.Statistics;
                Console.WriteLine($"  {(DateTimeOffset.UtcNow - started).TotalSeconds,5:F0} s: offered {s.Offered}, in progress {simulator.CallsInProgress}, answered {s.AnsweredByAgent}, failed {s.Failed}, media ticks late {simulator.Clock.LateTicks}");
            }
        }
        catch (OperationCanceledException)
        {
            // Done.
        }
    });
    await simulator.RunAsync(duration);
    await progress.CancelAsync();
    await reporter;

    var stats = simulator.Statistics;
    Console.WriteLine();
    Console.WriteLine("simulator:");
    Console.WriteLine($"  offered {stats.Offered}, answered by an agent {stats.AnsweredByAgent}, abandoned {stats.Abandoned}, failed {stats.Failed}, ended by the server {stats.EndedByServer}, cut at the end {stats.Stopped}");
    if (stats.FailedByStatus.Count > 0)
    {
        Console.WriteLine("  failed by final status: " + string.Join(", ", stats.FailedByStatus.OrderBy(p => p.Key).Select(p => $"{(p.Key == 0 ? "none" : p.Key.ToString(CultureInfo.InvariantCulture))} × {p.Value}")));
    }
    Console.WriteLine($"  agent offers {stats.AgentOffers} (unmatched agent INVITEs {stats.UnmatchedAgentInvites}), media ticks late {simulator.Clock.LateTicks} of {simulator.Clock.Ticks}");
    Console.WriteLine(stats.LatencySampleCount == 0
        ? "  routing latency (customer INVITE sent → agent INVITE received): no samples (no call reached an agent phone)"
        : $"  routing latency (customer INVITE sent → agent INVITE received): p50 {stats.RoutingLatencyP50!.Value.TotalMilliseconds:F1} ms, p99 {stats.RoutingLatencyP99!.Value.TotalMilliseconds:F1} ms over {stats.LatencySampleCount} calls");

    // The call record writer batches every 200 ms; the last calls need a moment.
    await Task.Delay(TimeSpan.FromSeconds(3));
    await using var context = BenchSeeder.Open(db);
    var calls = await context.Calls.AsNoTracking()
        .Where(c => c.DialledNumber == number && c.OfferedAt >= started.AddSeconds(-5))
        .Select(c => new { c.CallerNumber, c.EndedAt, c.EndCause, c.IsAbandoned, c.AnsweredAt, c.AgentId })
        .ToListAsync();
    var ended = calls.Where(c => c.EndedAt is not null).ToList();
    Console.WriteLine();
    Console.WriteLine("database:");
    Console.WriteLine($"  {calls.Count} Call rows for {number} since the run started, {ended.Count} with EndedAt, {calls.Count - ended.Count} still open");
    Console.WriteLine($"  answered by an agent {ended.Count(c => c.AnsweredAt is not null && c.AgentId is not null)}, abandoned {ended.Count(c => c.IsAbandoned)}");
    foreach (var cause in ended.GroupBy(c => c.EndCause ?? "(none)").OrderByDescending(g => g.Count()))
    {
        Console.WriteLine($"    end cause {cause.Key}: {cause.Count()}");
    }
    var lost = Math.Max(0, stats.Offered - ended.Count);
    Console.WriteLine($"  lost (offered by the simulator, missing or still open in the database): {lost}");
    return 0;
}
