using CallCenter.Core.Domain;
using CallCenter.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Tests.Core.Data;

/// <summary>
/// SQLite has no date-time-offset type; reports filter and sort calls by time all the same. The
/// offsets are mixed on purpose: sorting the local clock text would put these in the wrong order.
/// </summary>
public sealed class SqliteDateTimeOffsetTests : IDisposable
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private readonly SqliteTestDatabase _database = new();

    [Fact]
    public async Task CallsBetweenTwoTimesComeBackInTimeOrder()
    {
        // In UTC: 00:30, 01:00, 02:00, 02:59, 03:00, 05:00.
        var atHalfPastMidnight = NewCall("early", new DateTimeOffset(2026, 3, 1, 8, 30, 0, Beijing));
        var atOne = NewCall("one", new DateTimeOffset(2026, 3, 1, 9, 0, 0, Beijing));
        var atTwo = NewCall("two", new DateTimeOffset(2026, 3, 1, 2, 0, 0, TimeSpan.Zero));
        var atTwoFiftyNine = NewCall("almost", new DateTimeOffset(2026, 3, 1, 10, 59, 0, Beijing));
        var atThree = NewCall("end", new DateTimeOffset(2026, 3, 1, 3, 0, 0, TimeSpan.Zero));
        var atFive = NewCall("late", new DateTimeOffset(2026, 3, 1, 13, 0, 0, Beijing));
        await using (var db = _database.CreateDbContext())
        {
            db.Calls.AddRange(atFive, atTwoFiftyNine, atHalfPastMidnight, atThree, atTwo, atOne);
            await db.SaveChangesAsync();
        }

        var from = new DateTimeOffset(2026, 3, 1, 0, 45, 0, TimeSpan.Zero);
        var to = new DateTimeOffset(2026, 3, 1, 11, 0, 0, Beijing);
        await using var query = _database.CreateDbContext();
        var ascending = await query.Calls
            .Where(c => c.OfferedAt >= from && c.OfferedAt < to)
            .OrderBy(c => c.OfferedAt)
            .Select(c => c.CallerNumber)
            .ToListAsync();
        var latestFirst = await query.Calls
            .OrderByDescending(c => c.OfferedAt)
            .Select(c => c.CallerNumber)
            .ToListAsync();

        Assert.Equal(["one", "two", "almost"], ascending);
        Assert.Equal(["late", "end", "almost", "two", "one", "early"], latestFirst);
    }

    [Fact]
    public async Task TheInstantSurvivesTheRoundTripToTheTick()
    {
        var offeredAt = new DateTimeOffset(2026, 3, 1, 9, 15, 30, Beijing).AddTicks(1234567);
        await using (var db = _database.CreateDbContext())
        {
            db.Calls.Add(NewCall("13800138000", offeredAt));
            await db.SaveChangesAsync();
        }

        await using var query = _database.CreateDbContext();
        var stored = await query.Calls.SingleAsync();
        // Stored as UTC: the same instant, read back with offset zero.
        Assert.Equal(offeredAt.UtcTicks, stored.OfferedAt.UtcTicks);
        Assert.Equal(TimeSpan.Zero, stored.OfferedAt.Offset);
    }

    private static Call NewCall(string callerNumber, DateTimeOffset offeredAt) =>
        new() { CallerNumber = callerNumber, DialledNumber = "4001", OfferedAt = offeredAt };

    public void Dispose() => _database.Dispose();
}
