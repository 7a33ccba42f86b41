using CallCenter.Core.Data;
using CallCenter.Core.Options;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallCenter.Core.Jobs;

/// <summary>
/// Empties the recordings recycle bin: recordings deleted (Recording.DeletedAt) more than
/// <see cref="RetentionDays"/> days ago lose their file under DataDir and their catalogue row.
/// Runs daily as a Hangfire recurring job.
/// </summary>
public sealed partial class RecordingPurgeJob(
    IDbContextFactory<CallCenterDbContext> contexts,
    IOptions<CallCenterOptions> options,
    TimeProvider clock,
    ILogger<RecordingPurgeJob> logger)
{
    public const string RecurringJobId = "recordings-purge";
    public const int RetentionDays = 30;
    private const int BatchSize = 200;

    /// <summary>Purges in batches; returns how many recordings were removed.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow().AddDays(-RetentionDays);
        var dataDir = Path.GetFullPath(options.Value.DataDir);
        var purged = 0;
        while (true)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            var batch = await db.Recordings
                .Where(r => r.DeletedAt != null && r.DeletedAt < cutoff)
                .Take(BatchSize)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            if (batch.Count == 0)
            {
                break;
            }

            var ids = batch.Select(r => r.Id).ToList();
            // Calls keep their history; only the link to the audio goes.
            await db.Calls.Where(c => c.RecordingId != null && ids.Contains(c.RecordingId.Value))
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.RecordingId, (Guid?)null), cancellationToken).ConfigureAwait(false);
            foreach (var recording in batch)
            {
                DeleteFile(dataDir, recording.FilePath);
            }
            db.Recordings.RemoveRange(batch);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            purged += batch.Count;
        }

        LogPurged(purged, RetentionDays);
        return purged;
    }

    private void DeleteFile(string dataDir, string relativePath)
    {
        if (string.IsNullOrWhiteSpace(relativePath))
        {
            return;
        }
        var full = Path.GetFullPath(Path.Combine(dataDir, relativePath));
        // A catalogue row must never make the job delete a file outside DataDir.
        if (!full.StartsWith(dataDir + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            LogOutsideDataDir(relativePath);
            return;
        }
        try
        {
            File.Delete(full);
        }
        catch (IOException ex)
        {
            LogDeleteFailed(ex, relativePath);
        }
        catch (UnauthorizedAccessException ex)
        {
            LogDeleteFailed(ex, relativePath);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged {Count} recordings deleted more than {Days} days ago")]
    private partial void LogPurged(int count, int days);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recording path {Path} points outside DataDir; row purged, file left alone")]
    private partial void LogOutsideDataDir(string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not delete recording file {Path}")]
    private partial void LogDeleteFailed(Exception exception, string path);
}
