using CallCenter.Core.Domain;
using CallCenter.Core.Telephony;
using CallCenter.Tests.Core.Demo;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Tests.Core.Telephony;

public sealed class BlacklistTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 18, 1, 30, 0, TimeSpan.Zero);

    private readonly TempFileDatabase _database = new();
    private readonly FakeTimeProvider _time = new(Now);
    private readonly CapturingLoggerProvider _logs = new();
    private readonly BlacklistEntry _exact = Entry("13900139000", false, "恶意骚扰");
    private readonly BlacklistEntry _shortPrefix = Entry("139", true, "号段");
    private readonly BlacklistEntry _longPrefix = Entry("1390013", true, "诈骗号段");
    private readonly BlacklistEntry _expiring = Entry("13600136000", false, "临时", Now.AddMinutes(5));
    private readonly BlacklistEntry _expired = Entry("13500135000", false, "过期", Now.AddDays(-1));
    private readonly BlacklistEntry _expiredPrefix = Entry("1770", true, "过期号段", Now.AddDays(-1));

    public BlacklistTests()
    {
        using var db = _database.CreateDbContext();
        db.Blacklist.AddRange(_exact, _shortPrefix, _longPrefix, _expiring, _expired, _expiredPrefix);
        db.SaveChanges();
    }

    public void Dispose()
    {
        _logs.Dispose();
        _database.Dispose();
    }

    [Theory]
    [InlineData("13900139000", "13900139000")] // exact beats the longer of the prefixes that also match
    [InlineData("13900131234", "1390013")] // longest prefix
    [InlineData("13912345678", "139")]
    [InlineData("13600136000", "13600136000")] // not expired yet
    [InlineData("13500135000", null)] // expired
    [InlineData("17700177000", null)] // expired prefix
    [InlineData("13800138000", null)]
    [InlineData("", null)]
    public async Task ExactNumberFirstThenLongestPrefixAndExpiredEntriesNeverMatch(string number, string? listed)
    {
        var blacklist = NewBlacklist();

        Assert.Equal(listed, (await blacklist.CheckAsync(number, CancellationToken.None))?.Number);
    }

    [Fact]
    public async Task TheMatchNamesItsEntry()
    {
        var match = (await NewBlacklist().CheckAsync("13900139000", CancellationToken.None));

        Assert.NotNull(match);
        Assert.Equal((_exact.Id, "13900139000", false, "恶意骚扰"), (match.EntryId, match.Number, match.IsPrefix, match.Reason));
        Assert.True((await NewBlacklist().CheckAsync("13900131111", CancellationToken.None))!.IsPrefix);
    }

    [Fact]
    public async Task AnEntryStopsMatchingWhenItExpiresWithoutAReload()
    {
        var blacklist = NewBlacklist();
        Assert.NotNull((await blacklist.CheckAsync("13600136000", CancellationToken.None)));

        _time.Advance(TimeSpan.FromMinutes(5));

        Assert.Null((await blacklist.CheckAsync("13600136000", CancellationToken.None)));
    }

    [Fact]
    public async Task ANewEntryCountsAfterInvalidateOrTheTtl()
    {
        var blacklist = NewBlacklist();
        Assert.Null((await blacklist.CheckAsync("18800188000", CancellationToken.None)));
        using (var db = _database.CreateDbContext())
        {
            db.Blacklist.Add(Entry("18800188000", false, "投诉"));
            db.SaveChanges();
        }
        Assert.Null((await blacklist.CheckAsync("18800188000", CancellationToken.None)));

        blacklist.Invalidate();

        Assert.Equal("投诉", (await blacklist.CheckAsync("18800188000", CancellationToken.None))?.Reason);
    }

    [Fact]
    public async Task BlockedAttemptsAreCountedOnTheirEntryAndLoggedOneByOne()
    {
        using var blacklist = NewBlacklist();
        await blacklist.StartAsync(CancellationToken.None);
        var exact = (await blacklist.CheckAsync("13900139000", CancellationToken.None))!;
        var prefix = (await blacklist.CheckAsync("13912345678", CancellationToken.None))!;
        var calls = new[] { Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7() };

        blacklist.ReportBlocked(exact, "13900139000", "4001", calls[0]);
        _time.Advance(TimeSpan.FromSeconds(30));
        blacklist.ReportBlocked(exact, "13900139000", "4000", calls[1]);
        blacklist.ReportBlocked(prefix, "13912345678", "4002", calls[2]);
        await WaitForAsync(() => blacklist.Counted == 3);
        await blacklist.StopAsync(CancellationToken.None);

        using var db = _database.CreateDbContext();
        var rows = await db.Blacklist.AsNoTracking().ToDictionaryAsync(b => b.Id);
        Assert.Equal((2, Now.AddSeconds(30)), (rows[_exact.Id].BlockedCount, rows[_exact.Id].LastBlockedAt));
        Assert.Equal((1, Now.AddSeconds(30)), (rows[_shortPrefix.Id].BlockedCount, rows[_shortPrefix.Id].LastBlockedAt));
        Assert.Equal((0, (DateTimeOffset?)null), (rows[_longPrefix.Id].BlockedCount, rows[_longPrefix.Id].LastBlockedAt));
        // Counting is not an edit: an editor's version stays valid.
        Assert.Equal(_exact.Version, rows[_exact.Id].Version);
        Assert.Equal(0, blacklist.Dropped);

        var lines = _logs.Entries.Where(e => e.Category == typeof(Blacklist).FullName && e.Level == LogLevel.Information).ToList();
        Assert.Equal(3, lines.Count);
        Assert.Equal(calls, lines.Select(l => (Guid)l.Properties["CallId"]!));
        Assert.Equal(["4001", "4000", "4002"], lines.Select(l => (string)l.Properties["DialledNumber"]!));
        Assert.Equal("恶意骚扰", lines[0].Properties["Reason"]);
    }

    private Blacklist NewBlacklist() =>
        new(_database, _time, new LoggerFactory([_logs]).CreateLogger<Blacklist>());

    private static BlacklistEntry Entry(string number, bool isPrefix, string reason, DateTimeOffset? expiresAt = null) =>
        new() { Number = number, IsPrefix = isPrefix, Reason = reason, CreatedBy = "supervisor", CreatedAt = Now.AddDays(-10), ExpiresAt = expiresAt };

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(20);
        }
    }
}
