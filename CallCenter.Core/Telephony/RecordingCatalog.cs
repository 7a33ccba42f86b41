using System.Collections.Frozen;

using CallCenter.Core.Data;
using CallCenter.Core.Domain;
using CallCenter.Core.Options;
using CallCenter.Core.Services.Recordings;
using CallCenter.Telephony.Recording;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallCenter.Core.Telephony;

/// <summary>
/// The <see cref="IRecordingCatalog"/> port over the database. The rules of agents, numbers and queues come
/// from one snapshot (<see cref="Ttl"/>, stale-while-reloading, <see cref="Invalidate"/>), so deciding costs no
/// query; a recorded call gets its Recording row at once (one insert), pointing at the file the recorder is
/// about to create, so a crash leaves a row for the partial file (<see cref="RecordingRecovery"/> measures it
/// at the next start). The call record is linked through the <c>RecordingStarted</c> event (CallRecordBatch).
/// </summary>
public sealed partial class RecordingCatalog : IRecordingCatalog
{
    /// <summary>How long a snapshot of the rules is served before it is reloaded.</summary>
    public static readonly TimeSpan Ttl = TimeSpan.FromSeconds(10);

    private readonly IDbContextFactory<CallCenterDbContext> _contextFactory;
    private readonly IOptions<CallCenterOptions> _options;
    private readonly TimeProvider _timeProvider;
    private readonly CachedSnapshot<Snapshot> _snapshot;

    /// <summary>Creates the catalogue; nothing is loaded until the first call.</summary>
    public RecordingCatalog(
        IDbContextFactory<CallCenterDbContext> contextFactory,
        IOptions<CallCenterOptions> options,
        TimeProvider timeProvider,
        ILogger<RecordingCatalog> logger)
    {
        _contextFactory = contextFactory;
        _options = options;
        _timeProvider = timeProvider;
        _snapshot = new CachedSnapshot<Snapshot>(LoadAsync, timeProvider, Ttl, ex => LogReloadFailed(logger, ex));
    }

    /// <inheritdoc />
    public async ValueTask<RecordingTarget?> BeginAsync(RecordingRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var snapshot = await _snapshot.GetAsync(cancellationToken).ConfigureAwait(false);
        var agent = request.AgentExtension is { } extension ? snapshot.Agents.GetValueOrDefault(extension) : null;
        var numberRule = snapshot.Numbers.GetValueOrDefault(request.DialledNumber);
        var queueRule = request.QueueKey is { } queue ? snapshot.Queues.GetValueOrDefault(queue) : null;
        if (!RecordingRules.Decide(agent?.Rule, numberRule, queueRule, request.CallerNumber, request.DialledNumber, request.Force))
        {
            return null;
        }

        var now = _timeProvider.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        var relative = RecordingPaths.Relative(id, TimeZoneInfo.ConvertTime(now, _timeProvider.LocalTimeZone));
        var absolute = RecordingPaths.Absolute(_options.Value.DataDir, relative)
            ?? throw new InvalidOperationException("A recording path must lie under DataDir.");
        var db = await _contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            db.Recordings.Add(new Recording
            {
                Id = id,
                CallId = request.CallId,
                FilePath = relative,
                Format = RecordingPaths.OggOpus,
                Channels = OggOpusWriter.Channels,
                CallerNumber = Truncate(request.CallerNumber),
                CalleeNumber = Truncate(request.DialledNumber),
                AgentId = agent?.Id,
                StartedAt = now,
            });
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        return new RecordingTarget(id, absolute);
    }

    /// <inheritdoc />
    public async Task CompleteAsync(Guid recordingId, RecordingResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        var db = await _contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            await db.Recordings.Where(r => r.Id == recordingId)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(r => r.DurationSeconds, result.Duration.TotalSeconds).SetProperty(r => r.SizeBytes, result.SizeBytes),
                    cancellationToken)
                .ConfigureAwait(false);
        }
    }

    /// <summary>Drops the snapshot: the next call reloads the rules (call after changing them).</summary>
    public void Invalidate() => _snapshot.Invalidate();

    private async Task<Snapshot> LoadAsync(CancellationToken cancellationToken)
    {
        var db = await _contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var agents = await db.Agents.AsNoTracking().Where(a => a.Extension != "")
                .Select(a => new { a.Extension, a.Id, a.IsActive, a.RecordingRule, a.RecordingNumbers })
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var numbers = await db.DialledNumbers.AsNoTracking().Where(n => n.RecordingRule != null)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var queues = await db.Queues.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
            return new Snapshot(
                agents.GroupBy(a => a.Extension)
                    .Select(g => g.OrderByDescending(a => a.IsActive).First())
                    .ToFrozenDictionary(a => a.Extension, a => new AgentRule(a.Id, RecordingRuleSet.From(a.RecordingRule, a.RecordingNumbers)), StringComparer.Ordinal),
                numbers.ToFrozenDictionary(n => n.Number, n => RecordingRuleSet.From(n.RecordingRule, n.RecordingNumbers), StringComparer.Ordinal),
                queues.ToFrozenDictionary(q => q.Name, q => RecordingRuleSet.From(q.RecordingRule, q.RecordingNumbers), StringComparer.Ordinal));
        }
    }

    private static string Truncate(string text) =>
        text.Length <= Data.Configurations.ColumnLengths.Number ? text : text[..Data.Configurations.ColumnLengths.Number];

    [LoggerMessage(EventId = 3251, Level = LogLevel.Error, Message = "Reloading the recording rules failed; the previous snapshot stays in use")]
    private static partial void LogReloadFailed(ILogger logger, Exception exception);

    private sealed record AgentRule(Guid Id, RecordingRuleSet? Rule);

    private sealed record Snapshot(
        FrozenDictionary<string, AgentRule> Agents,
        FrozenDictionary<string, RecordingRuleSet?> Numbers,
        FrozenDictionary<string, RecordingRuleSet?> Queues);
}
