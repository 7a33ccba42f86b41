using CallCenter.Core.Data;
using CallCenter.Core.Domain;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CallCenter.Core.Telephony;

/// <summary>
/// Start-up crash recovery of call records: a call whose row has no EndedAt was in progress when the
/// process stopped, and no event will ever end it. Run after the migrations and before the SIP listeners
/// take calls (<c>MigrateCallCenterDatabaseAsync</c> does), it closes every such call as abnormal: end
/// cause <see cref="EndCause"/>, hung up by the system, ended at the last time known of it (its latest
/// offer, answer or leg time). Finished calls are not touched.
/// </summary>
public sealed partial class CallRecordRecovery(
    IDbContextFactory<CallCenterDbContext> contextFactory,
    ILogger<CallRecordRecovery> logger)
{
    /// <summary>The end cause of calls closed by the recovery.</summary>
    public const string EndCause = "abnormal: restart";

    private const int Chunk = 500;

    /// <summary>Closes every open call; returns how many were closed.</summary>
    public async Task<int> RecoverAsync(CancellationToken cancellationToken)
    {
        var closed = 0;
        while (true)
        {
            var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            await using (db.ConfigureAwait(false))
            {
                var open = await db.Calls.Include(c => c.Legs).Where(c => c.EndedAt == null)
                    .OrderBy(c => c.Id).Take(Chunk).ToListAsync(cancellationToken).ConfigureAwait(false);
                if (open.Count == 0)
                {
                    break;
                }
                foreach (var call in open)
                {
                    Close(call);
                }
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                closed += open.Count;
            }
        }
        if (closed > 0)
        {
            LogClosed(logger, closed);
        }
        return closed;
    }

    private static void Close(Call call)
    {
        var lastKnown = new[] { call.OfferedAt, call.AnsweredAt ?? call.OfferedAt }
            .Concat(call.Legs.SelectMany(l => new[] { l.StartedAt, l.AnsweredAt ?? l.StartedAt, l.EndedAt ?? l.StartedAt }))
            .Max();
        call.EndedAt = lastKnown;
        call.EndCause = EndCause;
        call.IsAbnormal = true;
        call.HangupBy = HangupParty.System;
        if (call.AnsweredAt is { } answeredAt)
        {
            call.TalkSeconds = Math.Max(0, (int)(lastKnown - answeredAt).TotalSeconds);
        }
        else
        {
            call.WaitSeconds = Math.Max(0, (int)(lastKnown - call.OfferedAt).TotalSeconds);
        }
        foreach (var leg in call.Legs.Where(l => l.EndedAt is null))
        {
            leg.EndedAt = lastKnown;
            leg.EndCause = EndCause;
        }
    }

    [LoggerMessage(EventId = 3241, Level = LogLevel.Warning, Message = "{Count} calls left open by the previous run were closed as abnormal")]
    private static partial void LogClosed(ILogger logger, int count);
}
