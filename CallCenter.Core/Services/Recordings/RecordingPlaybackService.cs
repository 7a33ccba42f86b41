using CallCenter.Core.Data;
using CallCenter.Core.Domain;
using CallCenter.Core.Options;
using CallCenter.Core.Services.Audit;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CallCenter.Core.Services.Recordings;

/// <summary>
/// Who may hear a recording, and the audit of every attempt. Shift leaders, supervisors, managers and
/// admins may play any recording; an agent only those of calls it took (Recording.AgentId is its agent);
/// nobody else. Each request is audited, allowed ("recording.play") or refused ("recording.play-denied"),
/// with the user, the recording and the remote address; a player's range requests are each audited.
/// </summary>
public sealed class RecordingPlaybackService(
    IDbContextFactory<CallCenterDbContext> contextFactory,
    AuditService audit,
    IOptions<CallCenterOptions> options)
{
    /// <summary>The audit action of a recording played.</summary>
    public const string PlayAction = "recording.play";

    /// <summary>The audit action of a refused attempt.</summary>
    public const string DeniedAction = "recording.play-denied";

    private static readonly string[] AnyRecordingRoles = [Roles.ShiftLeader, Roles.Supervisor, Roles.Manager, Roles.Admin];

    /// <summary>Decides, audits, and gives the file to stream when allowed.</summary>
    /// <param name="recordingId">The recording.</param>
    /// <param name="viewer">Who asks.</param>
    /// <param name="remoteAddress">From where, for the audit log.</param>
    /// <param name="details">What was asked (e.g. the byte range), for the audit log.</param>
    /// <param name="cancellationToken">Cancels the lookups.</param>
    public async Task<RecordingPlayback> OpenAsync(Guid recordingId, RecordingViewer viewer, string? remoteAddress, string? details, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        Recording? recording;
        bool ownCall;
        var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            recording = await db.Recordings.AsNoTracking().FirstOrDefaultAsync(r => r.Id == recordingId && r.DeletedAt == null, cancellationToken).ConfigureAwait(false);
            ownCall = recording?.AgentId is { } agentId && viewer.UserId is { } userId
                && await db.Agents.AnyAsync(a => a.Id == agentId && a.UserId == userId, cancellationToken).ConfigureAwait(false);
        }
        if (recording is null)
        {
            return new RecordingPlayback(RecordingAccess.NotFound);
        }

        var allowed = viewer.Roles.Any(r => AnyRecordingRoles.Contains(r, StringComparer.Ordinal))
            || (ownCall && viewer.Roles.Contains(Roles.Agent, StringComparer.Ordinal));
        await audit.WriteAsync(
            viewer.UserName,
            allowed ? PlayAction : DeniedAction,
            nameof(Recording),
            recording.Id.ToString(),
            details,
            remoteAddress,
            cancellationToken).ConfigureAwait(false);
        if (!allowed)
        {
            return new RecordingPlayback(RecordingAccess.Forbidden);
        }
        var path = RecordingPaths.Absolute(options.Value.DataDir, recording.FilePath);
        return path is not null && File.Exists(path)
            ? new RecordingPlayback(RecordingAccess.Granted, path, recording.Format)
            : new RecordingPlayback(RecordingAccess.NotFound);
    }
}
