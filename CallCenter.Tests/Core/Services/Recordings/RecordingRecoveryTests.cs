using CallCenter.Core.Domain;
using CallCenter.Core.Options;
using CallCenter.Core.Services.Recordings;
using CallCenter.Telephony.Recording;
using CallCenter.Tests.Support;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace CallCenter.Tests.Core.Services.Recordings;

public sealed class RecordingRecoveryTests : IDisposable
{
    private readonly SqliteTestDatabase _database = new();
    private readonly string _dataDir = Directory.CreateTempSubdirectory("cc-data-").FullName;

    public void Dispose()
    {
        _database.Dispose();
        Directory.Delete(_dataDir, recursive: true);
    }

    [Fact]
    public async Task RecordingLeftOpenGetsDurationAndSizeFromItsFileAndItsCallLink()
    {
        var recording = new Recording { FilePath = "recordings/2026/11/30/left-open.ogg", Format = "ogg-opus", StartedAt = DateTimeOffset.UtcNow };
        var call = new Call { CallerNumber = "13700000000", DialledNumber = "4001", OfferedAt = DateTimeOffset.UtcNow, EndedAt = DateTimeOffset.UtcNow };
        recording.CallId = call.Id;
        var done = new Recording { FilePath = "recordings/2026/11/30/done.ogg", Format = "ogg-opus", DurationSeconds = 9, SizeBytes = 1234, StartedAt = DateTimeOffset.UtcNow };
        using (var db = _database.CreateDbContext())
        {
            db.AddRange(recording, call, done);
            db.SaveChanges();
        }
        var path = Path.Combine(_dataDir, "recordings", "2026", "11", "30", "left-open.ogg");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        long whole;
        await using (var file = File.Create(path))
        {
            // 100 frames (2 s) in whole pages, then the start of a page the crash cut off.
            var writer = new OggOpusWriter(file);
            var frame = new short[OggOpusWriter.FrameSamples * 2];
            for (var i = 0; i < 100; i++)
            {
                writer.WriteFrame(frame);
            }
            writer.Flush();
            whole = file.Length;
            file.Write("OggS\0\0\0\0\0"u8);
        }
        var recovery = new RecordingRecovery(_database, Microsoft.Extensions.Options.Options.Create(new CallCenterOptions { DataDir = _dataDir }), NullLogger<RecordingRecovery>.Instance);

        var recovered = await recovery.RecoverAsync(CancellationToken.None);

        Assert.Equal(1, recovered);
        Assert.Equal(whole, new FileInfo(path).Length);
        await using var check = _database.CreateDbContext();
        var row = await check.Recordings.AsNoTracking().SingleAsync(r => r.Id == recording.Id);
        Assert.Equal(2.0, row.DurationSeconds, 3);
        Assert.Equal(whole, row.SizeBytes);
        Assert.Equal(recording.Id, (await check.Calls.AsNoTracking().SingleAsync(c => c.Id == call.Id)).RecordingId);
        var untouched = await check.Recordings.AsNoTracking().SingleAsync(r => r.Id == done.Id);
        Assert.Equal(1234, untouched.SizeBytes);
    }
}
