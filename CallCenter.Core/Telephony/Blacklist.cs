using System.Collections.Frozen;
using System.Threading.Channels;

using CallCenter.Core.Data;
using CallCenter.Core.Domain;
using CallCenter.Telephony.Routing;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CallCenter.Core.Telephony;

/// <summary>
/// The <see cref="IBlacklist"/> port (黑名单) over BlacklistEntries. Every entry is held in one snapshot
/// (<see cref="Ttl"/>, stale-while-reloading, <see cref="Invalidate"/> after an edit), so <see cref="Check"/> is a
/// dictionary lookup per prefix length of the number; expiry is judged at check time, so an entry stops matching
/// the moment it expires, whatever the snapshot's age. <see cref="ReportBlocked"/> only queues into a bounded
/// channel (full: dropped and counted); this background service counts the attempts on their entries (BlockedCount,
/// LastBlockedAt) in batches and logs one line per attempt.
/// </summary>
public sealed partial class Blacklist : BackgroundService, IBlacklist
{
    /// <summary>How long a snapshot is served before it is reloaded (there is no blacklist editor yet to invalidate it).</summary>
    public static readonly TimeSpan Ttl = TimeSpan.FromSeconds(10);

    /// <summary>Blocked attempts held before new ones are dropped.</summary>
    public const int Capacity = 10_000;

    /// <summary>Attempts counted by one batch at most.</summary>
    public const int MaxBatch = 500;

    private readonly IDbContextFactory<CallCenterDbContext> _contextFactory;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<Blacklist> _logger;
    private readonly CachedSnapshot<Snapshot> _snapshot;
    private readonly Channel<BlockedAttempt> _queue = Channel.CreateBounded<BlockedAttempt>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private long _dropped;
    private long _counted;

    /// <summary>Creates the blacklist; the snapshot is loaded when the service starts, or by the first check.</summary>
    public Blacklist(IDbContextFactory<CallCenterDbContext> contextFactory, TimeProvider timeProvider, ILogger<Blacklist> logger)
    {
        _contextFactory = contextFactory;
        _timeProvider = timeProvider;
        _logger = logger;
        _snapshot = new CachedSnapshot<Snapshot>(LoadAsync, timeProvider, Ttl, ex => LogReloadFailed(logger, ex));
    }

    /// <summary>Attempts dropped because the queue was full or their batch failed to save.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Attempts counted on their entries since start.</summary>
    public long Counted => Interlocked.Read(ref _counted);

    /// <inheritdoc />
    public async ValueTask<BlacklistMatch?> CheckAsync(string callerNumber, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(callerNumber))
        {
            return null;
        }
        // From memory; only the first check, or the first after Invalidate, waits for one small query (ExecuteAsync
        // loads it at start-up, so calls rarely do), and then without holding a SIP worker.
        var snapshot = await _snapshot.GetAsync(cancellationToken).ConfigureAwait(false);
        var now = _timeProvider.GetUtcNow();
        if (snapshot.Exact.TryGetValue(callerNumber, out var exact) && FirstLive(exact, now) is { } byNumber)
        {
            return byNumber;
        }
        var prefixes = snapshot.Prefixes.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var length = Math.Min(callerNumber.Length, snapshot.LongestPrefix); length > 0; length--)
        {
            if (prefixes.TryGetValue(callerNumber.AsSpan(0, length), out var entries) && FirstLive(entries, now) is { } byPrefix)
            {
                return byPrefix;
            }
        }
        return null;
    }

    /// <inheritdoc />
    public void ReportBlocked(BlacklistMatch match, string callerNumber, string dialledNumber, Guid callId)
    {
        ArgumentNullException.ThrowIfNull(match);
        var attempt = new BlockedAttempt(match, callerNumber, dialledNumber, callId, _timeProvider.GetUtcNow());
        // DropWrite makes TryWrite succeed while dropping when full; count by capacity instead.
        if (_queue.Reader.Count >= Capacity || !_queue.Writer.TryWrite(attempt))
        {
            Interlocked.Increment(ref _dropped);
        }
    }

    /// <summary>Drops the snapshot: the next check reloads (call after adding, editing or removing entries).</summary>
    public void Invalidate() => _snapshot.Invalidate();

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await WarmUpAsync(stoppingToken).ConfigureAwait(false);
            var batch = new List<BlockedAttempt>(MaxBatch);
            while (await _queue.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var item))
                {
                    batch.Add(item);
                }
                await WriteAsync(batch, stoppingToken).ConfigureAwait(false);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: attempts still queued are not counted; their log lines were not written either.
        }
    }

    private async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _snapshot.GetAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The first check tries again.
            LogReloadFailed(_logger, ex);
        }
    }

    private async Task WriteAsync(List<BlockedAttempt> batch, CancellationToken cancellationToken)
    {
        foreach (var attempt in batch)
        {
            LogBlocked(_logger, attempt.CallerNumber, attempt.DialledNumber, attempt.CallId, attempt.Match.Number, attempt.Match.IsPrefix, attempt.Match.Reason, attempt.Match.EntryId);
        }
        try
        {
            var db = await _contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            await using (db.ConfigureAwait(false))
            {
                // ExecuteUpdate, not a tracked save: counting does not change the entry's Version, so an editor of
                // the entry does not get a conflict because a call was blocked meanwhile.
                foreach (var entry in batch.GroupBy(a => a.Match.EntryId))
                {
                    var count = entry.Count();
                    var last = entry.Max(a => a.At);
                    await db.Blacklist.Where(b => b.Id == entry.Key)
                        .ExecuteUpdateAsync(
                            s => s.SetProperty(b => b.BlockedCount, b => b.BlockedCount + count).SetProperty(b => b.LastBlockedAt, last),
                            cancellationToken)
                        .ConfigureAwait(false);
                }
                Interlocked.Add(ref _counted, batch.Count);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Interlocked.Add(ref _dropped, batch.Count);
            LogWriteFailed(_logger, batch.Count, ex);
        }
    }

    private static BlacklistMatch? FirstLive(BlacklistEntry[] entries, DateTimeOffset now)
    {
        foreach (var entry in entries)
        {
            if (entry.ExpiresAt is not { } expiresAt || expiresAt > now)
            {
                return new BlacklistMatch(entry.Id, entry.Number, entry.IsPrefix, entry.Reason);
            }
        }
        return null;
    }

    private async Task<Snapshot> LoadAsync(CancellationToken cancellationToken)
    {
        var db = await _contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var now = _timeProvider.GetUtcNow();
            // Entries already expired can never match again; the rest are judged at each check.
            var entries = (await db.Blacklist.AsNoTracking().Where(b => b.Number != "")
                    .ToListAsync(cancellationToken).ConfigureAwait(false))
                .Where(b => b.ExpiresAt is null || b.ExpiresAt > now)
                .ToList();
            // Of several entries for one number, the one that lasts longest is offered first.
            var byNumber = (bool isPrefix) => entries.Where(b => b.IsPrefix == isPrefix)
                .GroupBy(b => b.Number, StringComparer.Ordinal)
                .ToFrozenDictionary(
                    g => g.Key,
                    g => g.OrderBy(b => b.ExpiresAt.HasValue).ThenByDescending(b => b.ExpiresAt).ThenBy(b => b.Id).ToArray(),
                    StringComparer.Ordinal);
            var prefixes = byNumber(true);
            return new Snapshot(byNumber(false), prefixes, prefixes.Keys.Select(k => k.Length).DefaultIfEmpty(0).Max());
        }
    }

    [LoggerMessage(EventId = 3271, Level = LogLevel.Error, Message = "Reloading the blacklist failed; the previous snapshot stays in use")]
    private static partial void LogReloadFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3272, Level = LogLevel.Information,
        Message = "Blocked call {CallId} from {CallerNumber} to {DialledNumber}: blacklist entry {EntryNumber} (prefix {IsPrefix}, reason {Reason}, id {EntryId})")]
    private static partial void LogBlocked(ILogger logger, string callerNumber, string dialledNumber, Guid callId, string entryNumber, bool isPrefix, string reason, Guid entryId);

    [LoggerMessage(EventId = 3273, Level = LogLevel.Error, Message = "Counting {Count} blocked calls on their blacklist entries failed")]
    private static partial void LogWriteFailed(ILogger logger, int count, Exception exception);

    private sealed record BlockedAttempt(BlacklistMatch Match, string CallerNumber, string DialledNumber, Guid CallId, DateTimeOffset At);

    private sealed record Snapshot(
        FrozenDictionary<string, BlacklistEntry[]> Exact,
        FrozenDictionary<string, BlacklistEntry[]> Prefixes,
        int LongestPrefix);
}
