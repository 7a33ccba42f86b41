using CallCenter.Core.Data;
using CallCenter.Core.Options;
using CallCenter.Telephony.Recording;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallCenter.Core.Services.Recordings;

/// <summary>
/// Start-up recovery of recordings: a Recording row whose size is still 0 was being written when the process
/// stopped (completion sets the size). Its file holds every page written until then; the recovery cuts a
/// torn last page off, and sets duration (last granule position less pre-skip, RFC 7845 §4) and size from
/// what is left. It also links the call record to the recording when the RecordingStarted event was lost
/// with the process. Run after <see cref="Telephony.CallRecordRecovery"/>, before the listeners start.
/// </summary>
public sealed partial class RecordingRecovery(
    IDbContextFactory<CallCenterDbContext> contextFactory,
    IOptions<CallCenterOptions> options,
    ILogger<RecordingRecovery> logger)
{
    private const int Chunk = 200;

    /// <summary>Measures every recording left open; returns how many were. A row whose file is gone stays at 0.</summary>
    public async Task<int> RecoverAsync(CancellationToken cancellationToken)
    {
        List<Guid> left;
        var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            left = await db.Recordings.Where(r => r.SizeBytes == 0 && r.DeletedAt == null)
                .OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        }
        foreach (var chunk in left.Chunk(Chunk))
        {
            await RecoverChunkAsync(chunk, cancellationToken).ConfigureAwait(false);
        }
        var recovered = left.Count;
        if (recovered > 0)
        {
            LogRecovered(logger, recovered);
        }
        return recovered;
    }

    private async Task RecoverChunkAsync(Guid[] ids, CancellationToken cancellationToken)
    {
        var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var open = await db.Recordings.Where(r => ids.Contains(r.Id)).ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var recording in open)
            {
                (recording.DurationSeconds, recording.SizeBytes) = Measure(recording.FilePath);
            }
            var byCall = open.Where(r => r.CallId != null).GroupBy(r => r.CallId!.Value).ToDictionary(g => g.Key, g => g.Min(r => r.Id));
            var callIds = byCall.Keys.ToList();
            var calls = await db.Calls.Where(c => callIds.Contains(c.Id) && c.RecordingId == null)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var call in calls)
            {
                call.RecordingId = byCall[call.Id];
            }
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private (double Duration, long Size) Measure(string relativePath)
    {
        var path = RecordingPaths.Absolute(options.Value.DataDir, relativePath);
        if (path is null || !File.Exists(path))
        {
            LogMissing(logger, relativePath);
            return (0, 0);
        }
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
            var file = OggOpusFile.Read(stream);
            if (file.ValidLength < stream.Length)
            {
                // The page being written when the process died: players would stop there anyway.
                stream.SetLength(file.ValidLength);
            }
            // To the 20 ms frame, as the recorder reports a completed recording.
            var frames = Math.Round(file.Duration.TotalSeconds / 0.02);
            return (frames * 0.02, file.ValidLength);
        }
        catch (IOException ex)
        {
            LogUnreadable(logger, relativePath, ex);
            return (0, 0);
        }
    }

    [LoggerMessage(EventId = 3252, Level = LogLevel.Warning, Message = "{Count} recordings left open by the previous run were measured from their files")]
    private static partial void LogRecovered(ILogger logger, int count);

    [LoggerMessage(EventId = 3253, Level = LogLevel.Warning, Message = "The file {Path} of a recording left open is missing")]
    private static partial void LogMissing(ILogger logger, string path);

    [LoggerMessage(EventId = 3254, Level = LogLevel.Warning, Message = "The file {Path} of a recording left open could not be read")]
    private static partial void LogUnreadable(ILogger logger, string path, Exception exception);
}
