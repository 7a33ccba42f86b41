using CallCenter.Core.Domain;
using CallCenter.Core.Services.Admin;
using CallCenter.Core.Services.Audit;
using CallCenter.Core.Services.Customers;
using CallCenter.Core.Services.Recordings;
using CallCenter.Core.Services.ServiceRecords;
using CallCenter.Tests.Support;

using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Tests.Core.Services.Customers;

/// <summary>The customer and service-record services over a private SQLite database, a fixed clock, and seeding helpers.</summary>
public sealed class CustomerTestHost : IDisposable
{
    public static readonly AdminActor Actor = new("agent01", "10.0.0.7");
    public static readonly DateTimeOffset Now = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);

    public CustomerTestHost()
    {
        var audit = new AuditService(Database, Clock);
        Customers = new CustomerService(Database, audit, Clock);
        Records = new ServiceRecordService(Database, audit, Clock);
    }

    public SqliteTestDatabase Database { get; } = new();
    public FakeTimeProvider Clock { get; } = new(Now);
    public CustomerService Customers { get; }
    public ServiceRecordService Records { get; }

    public static CustomerEditModel Model(string name, params string[] numbers) => new()
    {
        Name = name,
        Phones = numbers.Select(n => new CustomerPhoneInput { Number = n }).ToList(),
    };

    /// <summary>Creates a customer (asserting success) at the clock's time, then moves the clock a minute on.</summary>
    public async Task<Guid> CreateAsync(CustomerEditModel model, Guid? linkCallId = null)
    {
        var result = await Customers.CreateAsync(model, Actor, linkCallId);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Key + "=" + e.Value)));
        Clock.Advance(TimeSpan.FromMinutes(1));
        return result.Id!.Value;
    }

    /// <summary>A user with an agent profile; returns (user id, agent id).</summary>
    public async Task<(Guid UserId, Guid AgentId)> AddAgentAsync(string userName, string extension)
    {
        await using var db = Database.CreateDbContext();
        var user = new AppUser { UserName = userName, NormalizedUserName = userName.ToUpperInvariant(), DisplayName = userName, CreatedAt = Now };
        var agent = new Agent { User = user, Name = "坐席" + extension, WorkNumber = "W" + extension, Extension = extension, SipRealm = "test" };
        db.Users.Add(user);
        db.Agents.Add(agent);
        await db.SaveChangesAsync();
        return (user.Id, agent.Id);
    }

    /// <summary>A call (with a recording taken by <paramref name="agentId"/> when <paramref name="recorded"/>).</summary>
    public async Task<Call> AddCallAsync(Guid? customerId, DateTimeOffset offeredAt, Guid? agentId = null, bool recorded = false, string caller = "13800138000")
    {
        await using var db = Database.CreateDbContext();
        var call = new Call
        {
            Direction = CallDirection.Inbound,
            CallerNumber = caller,
            DialledNumber = "4001",
            CustomerId = customerId,
            AgentId = agentId,
            OfferedAt = offeredAt,
            AnsweredAt = offeredAt.AddSeconds(12),
            EndedAt = offeredAt.AddMinutes(3),
            WaitSeconds = 12,
            TalkSeconds = 168,
            EndCause = "normal",
        };
        if (recorded)
        {
            var recording = new Recording
            {
                CallId = call.Id,
                FilePath = $"recordings/2026/11/30/{Guid.NewGuid()}.ogg",
                Format = "ogg-opus",
                AgentId = agentId,
                CallerNumber = caller,
                CalleeNumber = "4001",
                StartedAt = offeredAt,
            };
            db.Recordings.Add(recording);
            call.RecordingId = recording.Id;
        }
        db.Calls.Add(call);
        await db.SaveChangesAsync();
        return call;
    }

    public async Task<Guid> AddRecordAsync(Guid customerId, Guid? callId, DateTimeOffset createdAt, string content = "咨询发票")
    {
        await using var db = Database.CreateDbContext();
        var record = new ServiceRecord { CustomerId = customerId, CallId = callId, Category = ServiceRecordCategories.Consult, Content = content, CreatedAt = createdAt, UpdatedAt = createdAt };
        db.ServiceRecords.Add(record);
        await db.SaveChangesAsync();
        return record.Id;
    }

    public async Task<Guid> AddSmsAsync(Guid customerId, DateTimeOffset createdAt, string content)
    {
        await using var db = Database.CreateDbContext();
        var sms = new SmsMessage { CustomerId = customerId, Number = "13800138000", Content = content, CreatedAt = createdAt, Status = MessageStatus.Delivered };
        db.SmsMessages.Add(sms);
        await db.SaveChangesAsync();
        return sms.Id;
    }

    public static RecordingViewer Viewer(Guid? userId, string userName, params string[] roles) => new(userId, userName, roles);

    public void Dispose() => Database.Dispose();
}
