using CallCenter.Core.Domain;
using CallCenter.Core.Telephony;
using CallCenter.Telephony.Acd;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace CallCenter.Tests.Core.Telephony;

public sealed class AgentStateIntervalWriterTests : IDisposable
{
    private static readonly DateTimeOffset T = new(2026, 3, 18, 1, 0, 0, TimeSpan.Zero);

    private readonly TempFileDatabase _database = new();
    private readonly Guid _agent1001;
    private readonly Guid _agent1002;

    public AgentStateIntervalWriterTests()
    {
        using var db = _database.CreateDbContext();
        var a = new Agent { Extension = "1001", WorkNumber = "1001", Name = "李静", SipRealm = "test" };
        var b = new Agent { Extension = "1002", WorkNumber = "1002", Name = "张磊", SipRealm = "test" };
        db.AddRange(a, b);
        db.SaveChanges();
        (_agent1001, _agent1002) = (a.Id, b.Id);
    }

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task ASessionBecomesContiguousIntervalsAndLogOutClosesIt()
    {
        var stream = new AgentEventStream();
        using var writer = new AgentStateIntervalWriter(stream, _database, NullLogger<AgentStateIntervalWriter>.Instance);
        await writer.StartAsync(CancellationToken.None);
        var call = Guid.CreateVersion7();
        var changes = new[]
        {
            new AgentStateChanged("1001", AgentStatus.Ready, null, null, T),
            new AgentStateChanged("1002", AgentStatus.NotReady, NotReadyReasons.Meeting, null, T.AddSeconds(1)),
            new AgentStateChanged("1001", AgentStatus.Ringing, null, call, T.AddSeconds(10), "sales"),
            new AgentStateChanged("1001", AgentStatus.Talking, null, call, T.AddSeconds(14), "sales"),
            new AgentStateChanged("1001", AgentStatus.Held, null, call, T.AddSeconds(60), "sales"),
            new AgentStateChanged("1001", AgentStatus.Talking, null, call, T.AddSeconds(75), "sales"),
            new AgentStateChanged("1001", AgentStatus.WrapUp, null, call, T.AddSeconds(90), "sales"),
            new AgentStateChanged("9999", AgentStatus.Ready, null, null, T.AddSeconds(91)),
            new AgentStateChanged("1001", AgentStatus.NotReady, NotReadyReasons.Break, null, T.AddSeconds(95)),
            new AgentStateChanged("1001", AgentStatus.LoggedOut, null, null, T.AddSeconds(400)),
        };

        // In two parts: the second batch closes an interval the first one saved.
        foreach (var change in changes[..5])
        {
            stream.Publish(change);
        }
        await WaitForAsync(() => writer.Processed == 5);
        foreach (var change in changes[5..])
        {
            stream.Publish(change);
        }
        await WaitForAsync(() => writer.Processed == changes.Length);
        // A new session after the log-out starts without an interval for the time between.
        stream.Publish(new AgentStateChanged("1001", AgentStatus.Ready, null, null, T.AddSeconds(1000)));
        await WaitForAsync(() => writer.Processed == changes.Length + 1);
        await writer.StopAsync(CancellationToken.None);

        Assert.Equal(0, writer.Dropped);
        using var db = _database.CreateDbContext();
        var intervals = await db.AgentStateIntervals.AsNoTracking().Where(i => i.AgentId == _agent1001).OrderBy(i => i.Id).ToListAsync();
        Assert.Equal(
            [
                (AgentState.Ready, null, null, T, T.AddSeconds(10)),
                (AgentState.Ringing, null, call, T.AddSeconds(10), T.AddSeconds(14)),
                (AgentState.Talking, null, call, T.AddSeconds(14), T.AddSeconds(60)),
                (AgentState.Held, null, call, T.AddSeconds(60), T.AddSeconds(75)),
                (AgentState.Talking, null, call, T.AddSeconds(75), T.AddSeconds(90)),
                (AgentState.WrapUp, null, call, T.AddSeconds(90), T.AddSeconds(95)),
                (AgentState.NotReady, "break", null, T.AddSeconds(95), T.AddSeconds(400)),
                (AgentState.Ready, null, null, T.AddSeconds(1000), (DateTimeOffset?)null),
            ],
            intervals.Select(i => (i.State, i.Reason, i.CallId, i.StartedAt, i.EndedAt)));
        var other = Assert.Single(await db.AgentStateIntervals.AsNoTracking().Where(i => i.AgentId == _agent1002).ToListAsync());
        Assert.Equal((AgentState.NotReady, "meeting", T.AddSeconds(1), (DateTimeOffset?)null), (other.State, other.Reason, other.StartedAt, other.EndedAt));
        Assert.Equal(9, await db.AgentStateIntervals.CountAsync());
    }

    [Fact]
    public async Task AClockSteppingBackNeverMakesIntervalsOverlap()
    {
        var stream = new AgentEventStream();
        using var writer = new AgentStateIntervalWriter(stream, _database, NullLogger<AgentStateIntervalWriter>.Instance);
        await writer.StartAsync(CancellationToken.None);

        stream.Publish(new AgentStateChanged("1002", AgentStatus.Ready, null, null, T.AddSeconds(30)));
        stream.Publish(new AgentStateChanged("1002", AgentStatus.NotReady, NotReadyReasons.Other, null, T.AddSeconds(25)));
        await WaitForAsync(() => writer.Processed == 2);
        await writer.StopAsync(CancellationToken.None);

        using var db = _database.CreateDbContext();
        var intervals = await db.AgentStateIntervals.AsNoTracking().OrderBy(i => i.Id).ToListAsync();
        Assert.Equal(
            [(AgentState.Ready, T.AddSeconds(30), (DateTimeOffset?)T.AddSeconds(30)), (AgentState.NotReady, T.AddSeconds(30), null)],
            intervals.Select(i => (i.State, i.StartedAt, i.EndedAt)));
    }

    [Fact]
    public async Task RecoveryClosesOpenIntervalsAtTheLastMomentTheProcessWasKnownAlive()
    {
        using (var db = _database.CreateDbContext())
        {
            db.AgentStateIntervals.AddRange(
                new AgentStateInterval { AgentId = _agent1001, State = AgentState.Ready, StartedAt = T, EndedAt = T.AddSeconds(20) },
                new AgentStateInterval { AgentId = _agent1001, State = AgentState.Talking, StartedAt = T.AddSeconds(20) },
                new AgentStateInterval { AgentId = _agent1002, State = AgentState.Ready, StartedAt = T.AddSeconds(5), EndedAt = T.AddSeconds(8) });
            // The latest sign of life: a call that ended at T+45.
            db.Calls.Add(new Call { CallerNumber = "13800138000", DialledNumber = "4001", OfferedAt = T.AddSeconds(15), EndedAt = T.AddSeconds(45) });
            db.SaveChanges();
        }

        var closed = await new AgentStateRecovery(_database, NullLogger<AgentStateRecovery>.Instance).RecoverAsync(CancellationToken.None);

        Assert.Equal(1, closed);
        using (var db = _database.CreateDbContext())
        {
            var talking = await db.AgentStateIntervals.SingleAsync(i => i.State == AgentState.Talking);
            Assert.Equal(T.AddSeconds(45), talking.EndedAt);
            Assert.Equal(T.AddSeconds(20), (await db.AgentStateIntervals.SingleAsync(i => i.AgentId == _agent1001 && i.State == AgentState.Ready)).EndedAt);
        }
        Assert.Equal(0, await new AgentStateRecovery(_database, NullLogger<AgentStateRecovery>.Instance).RecoverAsync(CancellationToken.None));
    }

    [Fact]
    public async Task RecoveryNeverClosesAnIntervalBeforeItsStartAndUsesTheLatestIntervalTimes()
    {
        using (var db = _database.CreateDbContext())
        {
            db.AgentStateIntervals.AddRange(
                new AgentStateInterval { AgentId = _agent1001, State = AgentState.NotReady, Reason = "break", StartedAt = T },
                new AgentStateInterval { AgentId = _agent1002, State = AgentState.Ready, StartedAt = T.AddSeconds(30), EndedAt = T.AddSeconds(50) },
                new AgentStateInterval { AgentId = _agent1002, State = AgentState.Ringing, StartedAt = T.AddSeconds(70) });
            db.Calls.Add(new Call { CallerNumber = "13800138000", DialledNumber = "4001", OfferedAt = T.AddSeconds(40) });
            db.SaveChanges();
        }

        Assert.Equal(2, await new AgentStateRecovery(_database, NullLogger<AgentStateRecovery>.Instance).RecoverAsync(CancellationToken.None));

        using var check = _database.CreateDbContext();
        // The latest sign of life is the Ringing interval's own start.
        Assert.Equal(T.AddSeconds(70), (await check.AgentStateIntervals.SingleAsync(i => i.State == AgentState.NotReady)).EndedAt);
        Assert.Equal(T.AddSeconds(70), (await check.AgentStateIntervals.SingleAsync(i => i.State == AgentState.Ringing)).EndedAt);
    }

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
