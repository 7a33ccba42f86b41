using CallCenter.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Tests.Core.Demo;

public sealed class DemoIdempotenceTests
{
    [Fact]
    public async Task StartingTwiceChangesNothing()
    {
        await using var host = new DemoTestHost();
        await host.InitialiseAsync();
        var first = await SnapshotAsync(host);

        await host.InitialiseAsync();
        var second = await SnapshotAsync(host);

        Assert.True(first.Counts["Calls"] > 1000);
        Assert.Equal(first.Counts, second.Counts);
        Assert.Equal(first.Ids, second.Ids);
        Assert.Contains(host.Logs.Entries, e => e.Message.Contains("nothing seeded", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheSameSeedingDayGivesTheSameDemo()
    {
        await using var one = new DemoTestHost();
        await using var other = new DemoTestHost();
        await one.InitialiseAsync();
        await other.InitialiseAsync();

        Assert.Equal(await ContentAsync(one), await ContentAsync(other));
    }

    [Fact]
    public async Task WithoutTheDemoOnlyRolesAndAdminAreCreated()
    {
        await using var host = new DemoTestHost(demoEnabled: false);
        await host.InitialiseAsync();

        await using var db = host.CreateDbContext();
        Assert.Equal(["admin"], await db.Users.Select(u => u.UserName!).ToListAsync());
        Assert.Equal(5, await db.Roles.CountAsync());
        Assert.Equal(0, await db.Agents.CountAsync());
        Assert.Equal(0, await db.Customers.CountAsync());
        Assert.Equal(0, await db.Calls.CountAsync());
        Assert.Equal(0, await db.DialledNumbers.CountAsync());
    }

    private static async Task<(Dictionary<string, long> Counts, List<Guid> Ids)> SnapshotAsync(DemoTestHost host)
    {
        var counts = host.TableNames().ToDictionary(t => t, host.Count);
        await using var db = host.CreateDbContext();
        var ids = new List<Guid>();
        ids.AddRange(await db.Users.OrderBy(u => u.UserName).Select(u => u.Id).ToListAsync());
        ids.AddRange(await db.Agents.OrderBy(a => a.Extension).Select(a => a.Id).ToListAsync());
        ids.AddRange(await db.Queues.OrderBy(q => q.Name).Select(q => q.Id).ToListAsync());
        ids.AddRange(await IdsAsync(db.Customers.Select(c => c.Id)));
        ids.AddRange(await IdsAsync(db.Calls.Select(c => c.Id)));
        ids.AddRange(await IdsAsync(db.ServiceRecords.Select(r => r.Id)));
        return (counts, ids);
    }

    private static async Task<List<Guid>> IdsAsync(IQueryable<Guid> ids) => [.. (await ids.ToListAsync()).Order()];

    // What the data says, without ids (fresh each run) or password hashes (salted).
    private static async Task<List<string>> ContentAsync(DemoTestHost host)
    {
        await using CallCenterDbContext db = host.CreateDbContext();
        var content = new List<string>();
        content.AddRange(await db.Agents.OrderBy(a => a.Extension)
            .Select(a => a.Extension + a.Name + a.SipHa1Md5 + a.SeatRow + a.SeatColumn).ToListAsync());
        content.AddRange((await db.AgentSkills.Include(s => s.Agent).Include(s => s.Skill).ToListAsync())
            .Select(s => $"{s.Agent!.Extension} {s.Skill!.Name} {s.Level}").Order(StringComparer.Ordinal));
        content.AddRange((await db.Customers.Include(c => c.Phones).ToListAsync())
            .Select(c => $"{c.Name} {c.Company} {c.Address} {c.Tags} {c.IsVip} {string.Join(',', c.Phones.Select(p => p.Number).Order(StringComparer.Ordinal))}")
            .Order(StringComparer.Ordinal));
        var extensionOf = await db.Agents.ToDictionaryAsync(a => a.Id, a => a.Extension);
        content.AddRange((await db.Calls.ToListAsync())
            .OrderBy(c => c.OfferedAt).ThenBy(c => c.CallerNumber, StringComparer.Ordinal)
            .Select(c => $"{c.OfferedAt:O} {c.CallerNumber} {c.DialledNumber} {(c.AgentId is { } a ? extensionOf[a] : "-")} {c.WaitSeconds} {c.TalkSeconds} {c.EndCause}"));
        content.AddRange((await db.AgentStateIntervals.ToListAsync())
            .Select(i => $"{extensionOf[i.AgentId]} {i.StartedAt:O} {i.EndedAt:O} {i.State} {i.Reason}")
            .Order(StringComparer.Ordinal));
        content.AddRange((await db.ServiceRecords.ToListAsync())
            .Select(r => $"{r.CreatedAt:O} {r.Category} {r.Content} {r.Status}")
            .Order(StringComparer.Ordinal));
        return content;
    }
}
