using CallCenter.Core.Domain;
using CallCenter.Core.Services.WorkRecords;
using CallCenter.Tests.Core.Services.Notices;

namespace CallCenter.Tests.Core.Services.WorkRecords;

public sealed class WorkRecordServiceTests : IAsyncLifetime, IDisposable
{
    private static readonly DateOnly Day = new(2026, 11, 29);
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    private readonly NoticeTestHost _host = new();
    private Guid _agentUser;
    private Guid _agent;
    private Guid _otherAgentUser;
    private Guid _otherAgent;

    public async Task InitializeAsync()
    {
        (_agentUser, var agent) = await _host.AddUserAsync("agent01", "1001");
        (_otherAgentUser, var other) = await _host.AddUserAsync("agent02", "1002");
        _agent = agent!.Value;
        _otherAgent = other!.Value;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _host.Dispose();

    private static DateTimeOffset At(int day, int hour, int minute) => new(2026, 11, day, hour, minute, 0, China);

    [Fact]
    public async Task IntervalsAreClippedToTheLocalDayAndSummedByState()
    {
        await using (var db = _host.Database.CreateDbContext())
        {
            db.AgentStateIntervals.AddRange(
                Interval(_agent, AgentState.NotReady, "会议", At(28, 23, 30), At(29, 0, 30)),
                Interval(_agent, AgentState.Ready, null, At(29, 0, 30), At(29, 1, 0)),
                Interval(_agent, AgentState.NotReady, "小休", At(29, 1, 0), At(29, 1, 15)),
                Interval(_agent, AgentState.Talking, null, At(29, 1, 15), At(29, 1, 45)),
                Interval(_agent, AgentState.NotReady, "小休", At(29, 23, 50), At(30, 0, 20)),
                // Another agent's and another day's intervals do not count.
                Interval(_otherAgent, AgentState.Ready, null, At(29, 9, 0), At(29, 17, 0)),
                Interval(_agent, AgentState.Ready, null, At(28, 9, 0), At(28, 17, 0)));
            await db.SaveChangesAsync();
        }

        var day = await OwnDayAsync();

        Assert.Equal(
            [(At(29, 0, 0), At(29, 0, 30)), (At(29, 0, 30), At(29, 1, 0)), (At(29, 1, 0), At(29, 1, 15)), (At(29, 1, 15), At(29, 1, 45)), (At(29, 23, 50), At(30, 0, 0))],
            day.Intervals.Select(i => (i.Start, i.End)));
        Assert.All(day.Intervals, i => Assert.Equal(China, i.Start.Offset));
        Assert.Equal(TimeSpan.FromMinutes(115), day.Summary.LoggedInTime);
        Assert.Equal(TimeSpan.FromMinutes(55), day.Summary.NotReadyTime);
        Assert.Equal([("会议", TimeSpan.FromMinutes(30)), ("小休", TimeSpan.FromMinutes(25))],
            day.Summary.NotReadyByReason.Select(r => (r.Reason, r.Time)));
    }

    [Fact]
    public async Task AnOpenIntervalOfTodayLastsUntilNow()
    {
        await using (var db = _host.Database.CreateDbContext())
        {
            db.AgentStateIntervals.Add(Interval(_agent, AgentState.Ready, null, At(30, 9, 0), null));
            await db.SaveChangesAsync();
        }

        var result = await _host.WorkRecords.ForAgentDayAsync(_agent, _host.WorkRecords.Today(), Viewer(_agentUser, Roles.Agent));

        var interval = Assert.Single(result.Day!.Intervals);
        Assert.True(interval.IsOpen);
        Assert.Equal(TimeSpan.FromHours(1), interval.Duration);
        Assert.Equal(TimeSpan.FromHours(1), result.Day.Summary.LoggedInTime);
    }

    [Fact]
    public async Task TheDaysCallsAndServiceRecordsAreListedWithAnsweredCallsAndTalkTimeSummed()
    {
        var recordingId = Guid.CreateVersion7();
        await using (var db = _host.Database.CreateDbContext())
        {
            var customer = new Customer { Name = "张伟", CreatedAt = At(1, 9, 0), UpdatedAt = At(1, 9, 0) };
            var queue = new CallQueue { Name = "sales", DisplayName = "销售" };
            db.AddRange(customer, queue);
            var answered = Call(_agent, At(29, 9, 0), "13800138000", answeredAfter: 8, talk: 120);
            answered.CustomerId = customer.Id;
            answered.QueueId = queue.Id;
            db.Recordings.Add(new Recording { Id = recordingId, StartedAt = At(29, 9, 0), FilePath = "x.ogg" });
            answered.RecordingId = recordingId;
            var missed = Call(_agent, At(29, 10, 0), "13700137000", answeredAfter: null, talk: 0);
            missed.EndCause = "no-answer";
            var outbound = Call(_agent, At(29, 11, 0), "1001", answeredAfter: 3, talk: 30);
            outbound.Direction = CallDirection.Outbound;
            outbound.DialledNumber = "02161234567";
            db.Calls.AddRange(answered, missed, outbound,
                Call(_agent, At(28, 23, 59), "13900000000", 1, 60),
                Call(_otherAgent, At(29, 9, 30), "13900000001", 1, 60));
            db.ServiceRecords.AddRange(
                new ServiceRecord { CustomerId = customer.Id, AgentId = _agent, CallId = answered.Id, Category = "咨询", Content = "询问促销", CreatedAt = At(29, 9, 3), UpdatedAt = At(29, 9, 3) },
                new ServiceRecord { CustomerId = customer.Id, AgentId = _otherAgent, Category = "投诉", Content = "别人的", CreatedAt = At(29, 9, 40), UpdatedAt = At(29, 9, 40) });
            await db.SaveChangesAsync();
        }

        var day = await OwnDayAsync();

        Assert.Equal(["13800138000", "13700137000", "02161234567"], day.Calls.Select(c => c.Number));
        var first = day.Calls[0];
        Assert.Equal(("张伟", "销售", 8, 120, recordingId), (first.CustomerName, first.QueueName, first.WaitSeconds, first.TalkSeconds, first.RecordingId));
        Assert.Equal("no-answer", day.Calls[1].EndCause);
        Assert.Equal((3, 2, TimeSpan.FromSeconds(150)), (day.Summary.Calls, day.Summary.CallsAnswered, day.Summary.TalkTime));
        var record = Assert.Single(day.ServiceRecords);
        Assert.Equal(("张伟", "咨询", At(29, 9, 3)), (record.CustomerName, record.Category, record.CreatedAt));
    }

    [Fact]
    public async Task AnAgentIsRefusedAnotherAgentsRecordsButLeadersSeeAnyAgent()
    {
        var asAgent = await _host.WorkRecords.ForAgentDayAsync(_otherAgent, Day, Viewer(_agentUser, Roles.Agent));
        var unknownAsAgent = await _host.WorkRecords.ForAgentDayAsync(Guid.NewGuid(), Day, Viewer(_agentUser, Roles.Agent));
        var asLeader = await _host.WorkRecords.ForAgentDayAsync(_otherAgent, Day, Viewer(Guid.NewGuid(), Roles.ShiftLeader));
        var asSupervisor = await _host.WorkRecords.ForAgentDayAsync(_agent, Day, Viewer(Guid.NewGuid(), Roles.Supervisor));
        var ownWithoutAgentRole = await _host.WorkRecords.ForAgentDayAsync(_otherAgent, Day, Viewer(_otherAgentUser, Roles.Manager));

        Assert.Equal((WorkRecordAccess.Forbidden, null), (asAgent.Access, asAgent.Day));
        Assert.Equal(WorkRecordAccess.Forbidden, unknownAsAgent.Access);
        Assert.Equal((WorkRecordAccess.Granted, "名agent02"), (asLeader.Access, asLeader.Day!.AgentName));
        Assert.Equal(WorkRecordAccess.Granted, asSupervisor.Access);
        Assert.Equal(WorkRecordAccess.Granted, ownWithoutAgentRole.Access);
        Assert.Equal(["W1001"], (await _host.WorkRecords.ListAgentsAsync(Viewer(_agentUser, Roles.Agent))).Select(a => a.WorkNumber));
        Assert.Equal(2, (await _host.WorkRecords.ListAgentsAsync(Viewer(Guid.NewGuid(), Roles.ShiftLeader))).Count);
    }

    private async Task<WorkDay> OwnDayAsync()
    {
        var result = await _host.WorkRecords.ForAgentDayAsync(_agent, Day, Viewer(_agentUser, Roles.Agent));
        Assert.Equal(WorkRecordAccess.Granted, result.Access);
        return result.Day!;
    }

    private static WorkRecordViewer Viewer(Guid userId, string role) => new(userId, [role]);

    private static AgentStateInterval Interval(Guid agentId, AgentState state, string? reason, DateTimeOffset start, DateTimeOffset? end) =>
        new() { AgentId = agentId, State = state, Reason = reason, StartedAt = start, EndedAt = end };

    private static Call Call(Guid agentId, DateTimeOffset offeredAt, string caller, int? answeredAfter, int talk) => new()
    {
        AgentId = agentId,
        Direction = CallDirection.Inbound,
        CallerNumber = caller,
        DialledNumber = "4001",
        OfferedAt = offeredAt,
        AnsweredAt = answeredAfter is { } wait ? offeredAt.AddSeconds(wait) : null,
        EndedAt = offeredAt.AddSeconds((answeredAfter ?? 15) + talk),
        WaitSeconds = answeredAfter ?? 15,
        TalkSeconds = talk,
        EndCause = "normal",
    };
}
