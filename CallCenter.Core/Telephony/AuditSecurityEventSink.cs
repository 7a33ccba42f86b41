using System.Threading.Channels;

using CallCenter.Core.Data;
using CallCenter.Core.Domain;
using CallCenter.Telephony.Sip.Security;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CallCenter.Core.Telephony;

/// <summary>
/// The <see cref="ISecurityEventSink"/> port: SIP security events become audit rows (Actor "sip",
/// Action "sip.auth-failed" / "sip.banned" / "sip.scanner", RemoteAddress). <see cref="Report"/> only
/// queues into a bounded channel (full: the event is dropped and counted, the SIP path never waits);
/// this background service writes what is queued in batches, one SaveChanges per batch.
/// </summary>
public sealed partial class AuditSecurityEventSink(
    IDbContextFactory<CallCenterDbContext> contextFactory,
    ILogger<AuditSecurityEventSink> logger) : BackgroundService, ISecurityEventSink
{
    /// <summary>Events held before new ones are dropped.</summary>
    public const int Capacity = 10_000;

    /// <summary>Rows written by one SaveChanges at most.</summary>
    public const int MaxBatch = 500;

    private readonly Channel<SecurityEvent> _queue = Channel.CreateBounded<SecurityEvent>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private long _dropped;
    private long _written;

    /// <summary>Events dropped because the queue was full or the write failed.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Rows written since start.</summary>
    public long Written => Interlocked.Read(ref _written);

    /// <inheritdoc />
    public void Report(SecurityEvent securityEvent)
    {
        // DropWrite makes TryWrite succeed while dropping when full; count by capacity instead.
        if (_queue.Reader.Count >= Capacity || !_queue.Writer.TryWrite(securityEvent))
        {
            Interlocked.Increment(ref _dropped);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<SecurityEvent>(MaxBatch);
        try
        {
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
            // Stopping: what is still queued is lost with the process, as a log line in a buffer would be.
        }
    }

    private async Task WriteAsync(List<SecurityEvent> batch, CancellationToken cancellationToken)
    {
        try
        {
            var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            await using (db.ConfigureAwait(false))
            {
                foreach (var e in batch)
                {
                    db.AuditLog.Add(new AuditLogEntry
                    {
                        At = e.At,
                        Actor = "sip",
                        Action = e.Action,
                        EntityType = e.User is null ? null : "SipUser",
                        EntityId = Truncate(e.User, 64),
                        Details = Truncate(e.Details, 1000),
                        RemoteAddress = e.RemoteAddress,
                    });
                }
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                Interlocked.Add(ref _written, batch.Count);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Interlocked.Add(ref _dropped, batch.Count);
            LogWriteFailed(logger, batch.Count, ex);
        }
    }

    private static string? Truncate(string? text, int length) =>
        text is null || text.Length <= length ? text : text[..length];

    [LoggerMessage(EventId = 3202, Level = LogLevel.Error, Message = "Writing {Count} SIP security events to the audit log failed")]
    private static partial void LogWriteFailed(ILogger logger, int count, Exception exception);
}
