using System.Diagnostics;

using CallCenter.Core.Domain;
using CallCenter.Core.Telephony;
using CallCenter.Telephony.Events;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Tests.Core.Telephony;

public sealed class CallRecordWriterTests
{
    private const int Calls = 1_000;

    [Fact]
    public async Task TenThousandEventsForAThousandCallsArePersistedExactlyInBatches()
    {
        var counter = new CountingInterceptor();
        using var database = new TempFileDatabase(counter);
        var (agentId, customerId) = Seed(database);
        var stream = new CallEventStream(new FakeTimeProvider(CallScenario.Start));
        using var writer = new CallRecordWriter(stream, database, NullLogger<CallRecordWriter>.Instance);
        await writer.StartAsync(CancellationToken.None);
        var savesBefore = counter.Saves;

        var published = PublishInterleaved(stream);
        await WaitForAsync(writer, published);
        await writer.StopAsync(CancellationToken.None);

        Assert.Equal(10_000, published);
        Assert.Equal(0, writer.Dropped);
        Assert.InRange(counter.Saves - savesBefore, 1, published / 20);
        using var db = database.CreateDbContext();
        var calls = await db.Calls.AsNoTracking().Include(c => c.Legs).ToDictionaryAsync(c => c.Id);
        Assert.Equal(Calls, calls.Count);
        for (var i = 0; i < Calls; i++)
        {
            AssertCall(i, calls[CallScenario.CallId(i)], agentId, customerId);
        }
    }

    [Fact]
    public async Task ASlowDatabaseNeverHoldsUpThePublisher()
    {
        var interceptor = new CountingInterceptor();
        using var database = new TempFileDatabase(interceptor);
        Seed(database);
        var stream = new CallEventStream(new FakeTimeProvider(CallScenario.Start));
        using var writer = new CallRecordWriter(stream, database, NullLogger<CallRecordWriter>.Instance);
        await writer.StartAsync(CancellationToken.None);

        // The database stops answering: no save completes until the gate opens.
        var databaseAnswers = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        interceptor.SaveGate = databaseAnswers.Task;
        var scripts = Scripts();
        // Publishing must finish while no save can: were it waiting on the database, it would never end.
        var published = await Task.Run(() => PublishInterleaved(stream, scripts)).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(writer.Processed < published, $"{writer.Processed} of {published} processed with the database blocked");

        databaseAnswers.SetResult();
        await WaitForAsync(writer, published);
        await writer.StopAsync(CancellationToken.None);
        Assert.Equal(0, writer.Dropped);
        using var db = database.CreateDbContext();
        Assert.Equal(Calls, await db.Calls.CountAsync(c => c.EndedAt != null));
    }

    [Fact]
    public async Task ACallRowExistsFromTheOfferOn()
    {
        using var database = new TempFileDatabase();
        Seed(database);
        var stream = new CallEventStream(new FakeTimeProvider(CallScenario.Start));
        using var writer = new CallRecordWriter(stream, database, NullLogger<CallRecordWriter>.Instance);
        await writer.StartAsync(CancellationToken.None);

        var events = CallScenario.Events(0);
        stream.Publish(events[0]);
        stream.Publish(events[1]);
        await WaitForAsync(writer, 2);
        await writer.StopAsync(CancellationToken.None);

        using var db = database.CreateDbContext();
        var call = await db.Calls.Include(c => c.Legs).SingleAsync();
        Assert.Null(call.EndedAt);
        Assert.Equal(CallScenario.OfferedAt(0), call.OfferedAt);
        Assert.Equal(CallLegKind.Customer, Assert.Single(call.Legs).Kind);
    }

    private static void AssertCall(int i, Call call, Guid agentId, Guid customerId)
    {
        var offeredAt = CallScenario.OfferedAt(i);
        Assert.Equal($"sip-{i}@test", call.SipCallId);
        Assert.Equal(CallDirection.Inbound, call.Direction);
        Assert.Equal("4001", call.DialledNumber);
        Assert.Equal(offeredAt, call.OfferedAt);
        Assert.Null(call.QueueId);
        Assert.Equal(2, call.Legs.Count);
        Assert.All(call.Legs, l => Assert.NotNull(l.EndedAt));
        var agentLeg = Assert.Single(call.Legs, l => l.Kind == CallLegKind.Agent);
        Assert.Equal(agentId, agentLeg.AgentId);
        Assert.Equal("1001", agentLeg.Number);
        switch (i % 4)
        {
            case 0:
                Assert.Equal((offeredAt.AddSeconds(5), offeredAt.AddSeconds(65), 5, 60), (call.AnsweredAt, call.EndedAt, call.WaitSeconds, call.TalkSeconds));
                Assert.Equal(("normal", HangupParty.Caller, false, false), (call.EndCause, call.HangupBy, call.IsAbandoned, call.IsAbnormal));
                Assert.Equal(agentId, call.AgentId);
                Assert.Equal(offeredAt.AddSeconds(5), agentLeg.AnsweredAt);
                break;
            case 1:
                Assert.Equal((null, offeredAt.AddSeconds(12), 12, 0), (call.AnsweredAt, call.EndedAt, call.WaitSeconds, call.TalkSeconds));
                Assert.Equal(("cancelled", HangupParty.Caller, true, false), (call.EndCause, call.HangupBy, call.IsAbandoned, call.IsAbnormal));
                Assert.Null(call.AgentId);
                Assert.Equal("cancelled (487)", agentLeg.EndCause);
                break;
            case 2:
                Assert.Equal((offeredAt.AddSeconds(5), offeredAt.AddSeconds(40), 5, 35), (call.AnsweredAt, call.EndedAt, call.WaitSeconds, call.TalkSeconds));
                Assert.Equal(("media-timeout", HangupParty.System, false, true), (call.EndCause, call.HangupBy, call.IsAbandoned, call.IsAbnormal));
                break;
            default:
                Assert.Equal((null, offeredAt.AddSeconds(8), 8, 0), (call.AnsweredAt, call.EndedAt, call.WaitSeconds, call.TalkSeconds));
                Assert.Equal(("busy", HangupParty.Agent, false, false), (call.EndCause, call.HangupBy, call.IsAbandoned, call.IsAbnormal));
                break;
        }
        Assert.Equal(i % 4 == 3 ? customerId : null, call.CustomerId);
        Assert.Equal(i % 4 == 3 ? CallScenario.KnownCustomerNumber : $"139{i:D8}", call.CallerNumber);
    }

    /// <summary>Step by step across all calls, so every batch mixes calls and a call spans batches.</summary>
    private static int PublishInterleaved(CallEventStream stream, List<IReadOnlyList<CallEvent>>? scripts = null)
    {
        scripts ??= Scripts();
        var published = 0;
        for (var step = 0; step < 10; step++)
        {
            foreach (var script in scripts)
            {
                stream.Publish(script[step]);
                published++;
            }
        }
        return published;
    }

    private static List<IReadOnlyList<CallEvent>> Scripts() => [.. Enumerable.Range(0, Calls).Select(CallScenario.Events)];

    private static async Task WaitForAsync(CallRecordWriter writer, long events)
    {
        var deadline = Stopwatch.StartNew();
        while (writer.Processed + writer.Dropped < events && deadline.Elapsed < TimeSpan.FromSeconds(15))
        {
            await Task.Delay(10);
        }
        Assert.Equal(events, writer.Processed);
    }

    internal static (Guid AgentId, Guid CustomerId) Seed(TempFileDatabase database)
    {
        using var db = database.CreateDbContext();
        var agent = new Agent { WorkNumber = "W1001", Name = "Agent 1001", Extension = CallScenario.AgentExtension, SipRealm = "callcenter", IsActive = true };
        var customer = new Customer { Name = "张伟", Phones = [new CustomerPhone { Number = CallScenario.KnownCustomerNumber, Kind = PhoneKind.Mobile }] };
        db.Agents.Add(agent);
        db.Customers.Add(customer);
        db.SaveChanges();
        return (agent.Id, customer.Id);
    }
}
