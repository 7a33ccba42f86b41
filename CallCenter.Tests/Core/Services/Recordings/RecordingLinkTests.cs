using System.Diagnostics;

using CallCenter.Core.Domain;
using CallCenter.Core.Options;
using CallCenter.Core.Services.Recordings;
using CallCenter.Core.Telephony;
using CallCenter.Telephony.Events;
using CallCenter.Telephony.Recording;
using CallCenter.Telephony.Routing;
using CallCenter.Telephony.Sdp;
using CallCenter.Tests.Core.Telephony;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Tests.Core.Services.Recordings;

/// <summary>RecordingService over Core's catalogue and call-record writer: the file, the row, its completion, the call's link.</summary>
public sealed class RecordingLinkTests : IDisposable
{
    private readonly TempFileDatabase _database = new();
    private readonly string _dataDir = Directory.CreateTempSubdirectory("cc-data-").FullName;

    public void Dispose()
    {
        _database.Dispose();
        Directory.Delete(_dataDir, recursive: true);
    }

    [Fact]
    public async Task StartedRecordingHasItsFileItsRowAndTheCallPointsToIt()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 9, 30, 0, TimeSpan.Zero));
        var options = Microsoft.Extensions.Options.Options.Create(new CallCenterOptions { DataDir = _dataDir });
        var catalog = new RecordingCatalog(_database, options, clock, NullLogger<RecordingCatalog>.Instance);
        var events = new CallEventStream(clock);
        using var writer = new CallRecordWriter(events, _database, NullLogger<CallRecordWriter>.Instance);
        await writer.StartAsync(CancellationToken.None);
        var service = new RecordingService(
            catalog, events, Microsoft.Extensions.Options.Options.Create(new RecordingOptions()), clock, NullLoggerFactory.Instance);
        var recorded = new List<RecordingStarted>();
        using var subscription = events.Subscribe(e =>
        {
            if (e is RecordingStarted started)
            {
                recorded.Add(started);
            }
        });
        var callId = events.NewCallId();
        events.Publish(new CallOffered(callId, clock.GetUtcNow(), "sip-1", CallEventDirection.Inbound, "13700000000", "4001", new RouteTarget(RouteTargetKind.Extension, "2001")));

        var recorder = await service.StartAsync(new RecordingRequest(callId, "13700000000", "4001", null, "2001"), AudioCodec.Pcmu, AudioCodec.Pcmu, CancellationToken.None);
        Assert.NotNull(recorder);
        clock.Advance(TimeSpan.FromSeconds(2));
        var result = await recorder.CompleteAsync();

        var started = Assert.Single(recorded);
        Assert.Equal(recorder.RecordingId, started.RecordingId);
        Assert.Equal(Path.Combine(_dataDir, "recordings", "2026", "11", "30", $"{recorder.RecordingId}.ogg"), recorder.FilePath);
        Assert.True(File.Exists(recorder.FilePath));
        Assert.Equal(new FileInfo(recorder.FilePath).Length, result.SizeBytes);
        Assert.InRange(result.Duration.TotalSeconds, 1.98, 2.02);

        await WaitForAsync(writer, 2);
        await writer.StopAsync(CancellationToken.None);
        await using var db = _database.CreateDbContext();
        var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == callId);
        Assert.Equal(recorder.RecordingId, call.RecordingId);
        var row = await db.Recordings.AsNoTracking().SingleAsync(r => r.Id == recorder.RecordingId);
        Assert.Equal(callId, row.CallId);
        Assert.Equal(result.SizeBytes, row.SizeBytes);
        Assert.Equal(result.Duration.TotalSeconds, row.DurationSeconds, 3);
    }

    [Fact]
    public async Task CallTheRulesLeaveOutIsNotRecordedAndNothingIsWritten()
    {
        using (var db = _database.CreateDbContext())
        {
            db.Queues.Add(new CallQueue { Name = "quiet", DisplayName = "Quiet", RecordingRule = RecordingRule.None });
            db.SaveChanges();
        }
        var clock = new FakeTimeProvider();
        var catalog = new RecordingCatalog(_database, Microsoft.Extensions.Options.Options.Create(new CallCenterOptions { DataDir = _dataDir }), clock, NullLogger<RecordingCatalog>.Instance);
        var events = new CallEventStream(clock);
        var published = 0;
        using var subscription = events.Subscribe(_ => published++);
        var service = new RecordingService(catalog, events, Microsoft.Extensions.Options.Options.Create(new RecordingOptions()), clock, NullLoggerFactory.Instance);

        var recorder = await service.StartAsync(new RecordingRequest(Guid.CreateVersion7(), "1", "2", "quiet", null), AudioCodec.Pcma, AudioCodec.Pcma, CancellationToken.None);

        Assert.Null(recorder);
        Assert.Equal(0, published);
        Assert.False(Directory.Exists(Path.Combine(_dataDir, "recordings")));
        await using var check = _database.CreateDbContext();
        Assert.Equal(0, await check.Recordings.CountAsync());
    }

    private static async Task WaitForAsync(CallRecordWriter writer, long events)
    {
        var deadline = Stopwatch.StartNew();
        while (writer.Processed + writer.Dropped < events && deadline.Elapsed < TimeSpan.FromSeconds(15))
        {
            await Task.Delay(10);
        }
        Assert.Equal(events, writer.Processed);
    }
}
