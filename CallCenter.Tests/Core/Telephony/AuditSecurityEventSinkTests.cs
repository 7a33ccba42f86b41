using CallCenter.Core.Telephony;
using CallCenter.Telephony.Sip.Security;
using CallCenter.Tests.Support;

using Microsoft.Extensions.Logging.Abstractions;

namespace CallCenter.Tests.Core.Telephony;

public sealed class AuditSecurityEventSinkTests : IDisposable
{
    private readonly SqliteTestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task SecurityEventsBecomeSipAuditRowsInBatches()
    {
        using var sink = new AuditSecurityEventSink(_database, NullLogger<AuditSecurityEventSink>.Instance);
        var at = new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 40; i++)
        {
            sink.Report(new SecurityEvent(SecurityEventKind.AuthFailed, at, "127.0.0.66", "1001", "wrong credentials"));
        }
        sink.Report(new SecurityEvent(SecurityEventKind.Banned, at, "127.0.0.66", "1001", "5 failures"));
        sink.Report(new SecurityEvent(SecurityEventKind.Scanner, at, "127.0.0.67", null, "OPTIONS with User-Agent \"friendly-scanner\""));

        await sink.StartAsync(CancellationToken.None);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (sink.Written < 42 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
        await sink.StopAsync(CancellationToken.None);

        using var db = _database.CreateDbContext();
        var rows = db.AuditLog.ToList();
        Assert.Equal(42, rows.Count);
        Assert.All(rows, r => Assert.Equal("sip", r.Actor));
        Assert.Equal(40, rows.Count(r => r.Action == "sip.auth-failed" && r.RemoteAddress == "127.0.0.66" && r.EntityId == "1001"));
        Assert.Single(rows, r => r.Action == "sip.banned");
        Assert.Single(rows, r => r.Action == "sip.scanner" && r.RemoteAddress == "127.0.0.67");
        Assert.Equal(0, sink.Dropped);
    }

    [Fact]
    public void ReportNeverBlocksAndCountsWhatItDropsWhenFull()
    {
        using var sink = new AuditSecurityEventSink(_database, NullLogger<AuditSecurityEventSink>.Instance);
        var e = new SecurityEvent(SecurityEventKind.AuthFailed, DateTimeOffset.UtcNow, "127.0.0.66", "1001", "x");

        var started = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < AuditSecurityEventSink.Capacity + 500; i++)
        {
            sink.Report(e);
        }

        Assert.Equal(500, sink.Dropped);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(5));
    }
}
