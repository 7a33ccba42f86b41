using CallCenter.Core.Domain;
using CallCenter.Core.Telephony;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace CallCenter.Tests.Core.Telephony;

public sealed class CallRecordRecoveryTests
{
    private static readonly DateTimeOffset T = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task OpenCallsAreClosedAsAbnormalAndFinishedOnesAreLeftAlone()
    {
        using var database = new TempFileDatabase();
        var answered = new Call
        {
            CallerNumber = "13900000001", DialledNumber = "4001", OfferedAt = T, AnsweredAt = T.AddSeconds(4),
            Legs =
            [
                new CallLeg { Kind = CallLegKind.Customer, Number = "13900000001", StartedAt = T, AnsweredAt = T.AddSeconds(4) },
                new CallLeg { Kind = CallLegKind.Agent, Number = "1001", StartedAt = T.AddSeconds(1), AnsweredAt = T.AddSeconds(4), EndedAt = T.AddSeconds(30), EndCause = "normal" },
            ],
        };
        var ringing = new Call { CallerNumber = "13900000002", DialledNumber = "4002", OfferedAt = T.AddSeconds(10) };
        var finished = new Call
        {
            CallerNumber = "13900000003", DialledNumber = "4002", OfferedAt = T, AnsweredAt = T.AddSeconds(2), EndedAt = T.AddSeconds(9),
            EndCause = "normal", HangupBy = HangupParty.Caller, WaitSeconds = 2, TalkSeconds = 7,
        };
        using (var db = database.CreateDbContext())
        {
            db.Calls.AddRange(answered, ringing, finished);
            db.SaveChanges();
        }

        var closed = await new CallRecordRecovery(database, NullLogger<CallRecordRecovery>.Instance).RecoverAsync(CancellationToken.None);

        Assert.Equal(2, closed);
        using var check = database.CreateDbContext();
        var a = await check.Calls.Include(c => c.Legs).SingleAsync(c => c.Id == answered.Id);
        Assert.Equal((T.AddSeconds(30), "abnormal: restart", true, HangupParty.System, 26), (a.EndedAt, a.EndCause, a.IsAbnormal, a.HangupBy, a.TalkSeconds));
        Assert.All(a.Legs, l => Assert.NotNull(l.EndedAt));
        Assert.Equal("normal", a.Legs.Single(l => l.Kind == CallLegKind.Agent).EndCause);
        Assert.Equal("abnormal: restart", a.Legs.Single(l => l.Kind == CallLegKind.Customer).EndCause);
        var r = await check.Calls.SingleAsync(c => c.Id == ringing.Id);
        Assert.Equal((T.AddSeconds(10), "abnormal: restart", true, false), (r.EndedAt, r.EndCause, r.IsAbnormal, r.IsAbandoned));
        var f = await check.Calls.SingleAsync(c => c.Id == finished.Id);
        Assert.Equal((T.AddSeconds(9), "normal", false, HangupParty.Caller, 7), (f.EndedAt, f.EndCause, f.IsAbnormal, f.HangupBy, f.TalkSeconds));

        Assert.Equal(0, await new CallRecordRecovery(database, NullLogger<CallRecordRecovery>.Instance).RecoverAsync(CancellationToken.None));
    }
}
