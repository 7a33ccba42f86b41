using CallCenter.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace CallCenter.Tests.Core.Demo;

[Collection(SeededDemoCollection.Name)]
public sealed class DemoHistoryTests(SeededDemoFixture demo, ITestOutputHelper output)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DemoTestHost.Now.DateTime);

    [Fact]
    public async Task EachOfTheLast30DaysHasCallsAndNothingIsOutsideThem()
    {
        var calls = await CallsAsync();
        var days = calls.GroupBy(c => LocalDay(c.OfferedAt)).ToDictionary(g => g.Key, g => g.Count());
        output.WriteLine($"{calls.Count} calls; seeding took {demo.SeedingTime.TotalMilliseconds:F0} ms");
        for (var back = 1; back <= 30; back++)
        {
            Assert.True(days.GetValueOrDefault(Today.AddDays(-back)) > 0, $"no calls {back} days back");
        }
        Assert.All(days.Keys, d => Assert.InRange(d, Today.AddDays(-30), Today.AddDays(-1)));
    }

    [Fact]
    public async Task MidMorningIsBusierThanTheNight()
    {
        var calls = await CallsAsync();
        var byHour = calls.GroupBy(c => Local(c.OfferedAt).Hour).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(byHour.GetValueOrDefault(10) > 5 * byHour.GetValueOrDefault(3), $"10h: {byHour.GetValueOrDefault(10)}, 3h: {byHour.GetValueOrDefault(3)}");
        Assert.True(byHour.GetValueOrDefault(15) > byHour.GetValueOrDefault(12), "no afternoon peak over the lunch dip");
    }

    [Fact]
    public async Task WeekdaysAreBusierThanWeekends()
    {
        var calls = await CallsAsync();
        var perDay = calls.GroupBy(c => LocalDay(c.OfferedAt)).Select(g => (Day: g.Key, Count: g.Count())).ToList();
        var weekend = perDay.Where(d => d.Day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday).ToList();
        var weekdays = perDay.Except(weekend).ToList();
        Assert.NotEmpty(weekend);
        Assert.True(weekdays.Average(d => d.Count) > 1.5 * weekend.Average(d => d.Count));
    }

    [Fact]
    public async Task CallsAreConsistentWithTheirTimesQueuesAndCustomers()
    {
        await using var db = demo.Host.CreateDbContext();
        var calls = await db.Calls.Include(c => c.Legs).AsNoTracking().ToListAsync();
        var queues = await db.Queues.Include(q => q.Groups).AsNoTracking().ToDictionaryAsync(q => q.Id);
        var groupsOfAgent = (await db.AgentGroupMembers.AsNoTracking().ToListAsync()).ToLookup(m => m.AgentId, m => m.GroupId);
        var customerOfNumber = await db.CustomerPhones.AsNoTracking().ToDictionaryAsync(p => p.Number, p => p.CustomerId);

        Assert.Contains(calls, c => c.IsAbandoned);
        Assert.Contains(calls, c => c.IsAbnormal);
        Assert.Contains(calls, c => c.EndCause == "voicemail");
        Assert.InRange(calls.Count(c => c.AnsweredAt is not null), calls.Count / 2, calls.Count);
        foreach (var call in calls)
        {
            Assert.Equal(customerOfNumber.TryGetValue(call.CallerNumber, out var customerId) ? customerId : null, call.CustomerId);
            Assert.True(call.EndedAt >= call.OfferedAt);
            Assert.Equal(call.CallerNumber, call.Legs.Single(l => l.Kind == CallLegKind.Customer).Number);
            if (call.EndCause == "voicemail")
            {
                // Waited the queue's maximum, then left a message.
                Assert.Equal(120, call.WaitSeconds);
                Assert.True((call.EndedAt!.Value - call.QueuedAt!.Value).TotalSeconds > 120);
            }
            else if (call.QueuedAt is { } queuedAt)
            {
                Assert.Equal((int)((call.AnsweredAt ?? call.EndedAt!.Value) - queuedAt).TotalSeconds, call.WaitSeconds);
            }
            if (call.AnsweredAt is { } answeredAt)
            {
                Assert.Equal((int)(call.EndedAt!.Value - answeredAt).TotalSeconds, call.TalkSeconds);
                Assert.False(call.IsAbandoned);
                var agentLeg = call.Legs.Single(l => l.Kind == CallLegKind.Agent);
                Assert.Equal(call.AgentId, agentLeg.AgentId);
                Assert.Equal(answeredAt, agentLeg.AnsweredAt);
                Assert.True(call.WaitSeconds <= 120);
                // Answered through a queue by a member of one of its groups.
                var queue = queues[call.QueueId!.Value];
                Assert.Contains(groupsOfAgent[call.AgentId!.Value], g => queue.Groups.Any(qg => qg.GroupId == g));
            }
            else
            {
                Assert.Null(call.AgentId);
                Assert.Equal(0, call.TalkSeconds);
            }
        }
    }

    [Fact]
    public async Task EveryAnsweredCallHasExactlyMatchingTalkingInterval()
    {
        await using var db = demo.Host.CreateDbContext();
        var answered = await db.Calls.AsNoTracking().Where(c => c.AgentId != null).ToListAsync();
        var talking = (await db.AgentStateIntervals.AsNoTracking().Where(i => i.State == AgentState.Talking).ToListAsync())
            .ToDictionary(i => i.CallId!.Value);
        Assert.NotEmpty(answered);
        Assert.Equal(answered.Count, talking.Count);
        foreach (var call in answered)
        {
            var interval = talking[call.Id];
            Assert.Equal(call.AgentId, interval.AgentId);
            Assert.Equal(call.AnsweredAt, interval.StartedAt);
            Assert.Equal(call.EndedAt, interval.EndedAt);
        }
    }

    [Fact]
    public async Task AgentIntervalsNeverOverlapAndLeaveNoGapsWithinASession()
    {
        await using var db = demo.Host.CreateDbContext();
        var intervals = await db.AgentStateIntervals.AsNoTracking().ToListAsync();
        Assert.DoesNotContain(intervals, i => i.State == AgentState.LoggedOut);
        Assert.All(intervals, i => Assert.True(i.EndedAt > i.StartedAt));
        Assert.Equal(["休息", "会议", "培训", "用餐"], intervals.Where(i => i.State == AgentState.NotReady).Select(i => i.Reason!).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains(intervals, i => i.State == AgentState.WrapUp);

        var sessions = 0;
        foreach (var agent in intervals.GroupBy(i => i.AgentId))
        {
            var ordered = agent.OrderBy(i => i.StartedAt).ToList();
            for (var k = 1; k < ordered.Count; k++)
            {
                var (previous, next) = (ordered[k - 1], ordered[k]);
                Assert.True(next.StartedAt >= previous.EndedAt, $"overlap at {next.StartedAt}");
                // One session per working day: inside a local day the periods follow on without a gap.
                if (LocalDay(next.StartedAt) == LocalDay(previous.StartedAt))
                {
                    Assert.Equal(previous.EndedAt, next.StartedAt);
                }
                else
                {
                    sessions++;
                }
            }
        }
        Assert.True(sessions > 100, $"{sessions} sessions");
    }

    [Fact]
    public async Task ServiceRecordsFollowAnsweredCustomerCalls()
    {
        await using var db = demo.Host.CreateDbContext();
        var records = await db.ServiceRecords.Include(r => r.Call).AsNoTracking().ToListAsync();
        Assert.True(records.Count > 100, $"{records.Count} records");
        // Stored as the codes the service record form uses (shown as 咨询, 投诉, 报修, 建议, 业务办理).
        Assert.Equal(["business", "complaint", "consult", "repair", "suggestion"], records.Select(r => r.Category).Distinct().Order(StringComparer.Ordinal));
        Assert.True(records.Select(r => r.Status).Distinct().Count() >= 3);
        Assert.All(records, r =>
        {
            Assert.NotNull(r.Call?.AnsweredAt);
            Assert.Equal(r.Call.CustomerId, r.CustomerId);
            Assert.Equal(r.Call.AgentId, r.AgentId);
            Assert.True(r.CreatedAt >= r.Call.EndedAt && r.UpdatedAt >= r.CreatedAt);
        });
        Assert.Equal(0, await db.Recordings.CountAsync());
    }

    private async Task<List<Call>> CallsAsync()
    {
        await using var db = demo.Host.CreateDbContext();
        return await db.Calls.AsNoTracking().ToListAsync();
    }

    private static DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, DemoTestHost.Zone);

    private static DateOnly LocalDay(DateTimeOffset at) => DateOnly.FromDateTime(Local(at).DateTime);
}
