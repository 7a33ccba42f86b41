using CallCenter.Core.Data;
using CallCenter.Core.Domain;
using CallCenter.Core.Options;
using CallCenter.Core.Services.Recordings;
using CallCenter.Telephony.Voicemail;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallCenter.Core.Telephony;

/// <summary>
/// The <see cref="IVoicemailStore"/> port (自动留言) over Voicemails and DataDir/voicemail. A message gets its row at
/// once, at 0 seconds, pointing at the file the engine is about to record (<see cref="VoicemailPaths"/>), so a
/// crash leaves a row for the partial file (<see cref="VoicemailRecovery"/> measures it at the next start);
/// completion sets the duration, or removes row and file when nothing was said.
/// </summary>
public sealed partial class VoicemailStore(
    IDbContextFactory<CallCenterDbContext> contextFactory,
    IOptions<CallCenterOptions> options,
    TimeProvider timeProvider,
    ILogger<VoicemailStore> logger) : IVoicemailStore
{
    /// <inheritdoc />
    public async ValueTask<VoicemailTicket?> CreateAsync(VoicemailBox box, Guid callId, string callerNumber, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(box);
        var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var message = new Voicemail { CallId = callId, CallerNumber = Truncate(callerNumber ?? "") };
            if (box.IsQueue)
            {
                var queueId = await db.Queues.Where(q => q.Name == box.Key).Select(q => (Guid?)q.Id)
                    .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
                (message.BoxType, message.QueueId) = (VoicemailBoxType.Queue, queueId);
            }
            else
            {
                var agentId = await db.Agents.Where(a => a.Extension == box.Key && a.IsActive).Select(a => (Guid?)a.Id)
                    .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
                (message.BoxType, message.AgentId) = (VoicemailBoxType.Extension, agentId);
            }
            if (message.QueueId is null && message.AgentId is null)
            {
                LogUnknownBox(logger, box.IsQueue ? "queue" : "extension", box.Key);
                return null;
            }

            var now = timeProvider.GetUtcNow();
            message.Id = Guid.CreateVersion7(now);
            message.ReceivedAt = now;
            message.FilePath = VoicemailPaths.Relative(message.Id, TimeZoneInfo.ConvertTime(now, timeProvider.LocalTimeZone));
            var absolute = RecordingPaths.Absolute(options.Value.DataDir, message.FilePath)
                ?? throw new InvalidOperationException("A voicemail path must lie under DataDir.");
            Directory.CreateDirectory(Path.GetDirectoryName(absolute)!);
            db.Voicemails.Add(message);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return new VoicemailTicket(message.Id, absolute);
        }
    }

    /// <inheritdoc />
    public async ValueTask CompleteAsync(VoicemailTicket ticket, TimeSpan duration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            if (duration > TimeSpan.Zero)
            {
                await db.Voicemails.Where(v => v.Id == ticket.MessageId)
                    .ExecuteUpdateAsync(s => s.SetProperty(v => v.DurationSeconds, duration.TotalSeconds), cancellationToken)
                    .ConfigureAwait(false);
                return;
            }
            // The caller hung up before saying anything: nobody should have to open an empty message.
            await db.Voicemails.Where(v => v.Id == ticket.MessageId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        }
        DeleteFile(ticket.FilePath, logger);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<VoicemailMessage>> ListAsync(string extension, CancellationToken cancellationToken)
    {
        var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var agentIds = db.Agents.Where(a => a.Extension == extension && a.IsActive).Select(a => (Guid?)a.Id);
            // A message still being recorded (0 s) is not listed yet.
            var rows = await db.Voicemails.AsNoTracking()
                .Where(v => v.BoxType == VoicemailBoxType.Extension && agentIds.Contains(v.AgentId) && v.DurationSeconds > 0)
                .OrderBy(v => v.HeardAt != null)
                .ThenByDescending(v => v.ReceivedAt)
                .Select(v => new { v.Id, v.CallerNumber, v.ReceivedAt, v.FilePath, v.HeardAt })
                .ToListAsync(cancellationToken)
                .ConfigureAwait(false);
            var dataDir = options.Value.DataDir;
            return rows
                .Select(v => (Row: v, Path: RecordingPaths.Absolute(dataDir, v.FilePath)))
                .Where(v => v.Path is not null)
                .Select(v => new VoicemailMessage(v.Row.Id, v.Row.CallerNumber, v.Row.ReceivedAt, v.Path!, v.Row.HeardAt is null))
                .ToList();
        }
    }

    /// <inheritdoc />
    public async ValueTask MarkHeardAsync(Guid messageId, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            // The first hearing counts; hearing it again keeps that time.
            await db.Voicemails.Where(v => v.Id == messageId && v.HeardAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(v => v.HeardAt, now), cancellationToken)
                .ConfigureAwait(false);
        }
    }

    internal static void DeleteFile(string path, ILogger logger)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogDeleteFailed(logger, path, ex);
        }
    }

    private static string Truncate(string text) =>
        text.Length <= Data.Configurations.ColumnLengths.Number ? text : text[..Data.Configurations.ColumnLengths.Number];

    [LoggerMessage(EventId = 3291, Level = LogLevel.Warning, Message = "No voicemail box for {Kind} {Key}; the message is not taken")]
    private static partial void LogUnknownBox(ILogger logger, string kind, string key);

    [LoggerMessage(EventId = 3292, Level = LogLevel.Warning, Message = "The voicemail file {Path} could not be deleted")]
    private static partial void LogDeleteFailed(ILogger logger, string path, Exception exception);
}
