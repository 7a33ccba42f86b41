using CallCenter.Core.Domain;
using CallCenter.Core.Options;
using CallCenter.Core.Services.Recordings;
using CallCenter.Core.Telephony;
using CallCenter.Telephony.Recording;
using CallCenter.Tests.Support;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Tests.Core.Services.Recordings;

public sealed class RecordingCatalogTests : IDisposable
{
    private readonly SqliteTestDatabase _database = new();
    private readonly string _dataDir = Directory.CreateTempSubdirectory("cc-data-").FullName;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 30, 9, 30, 0, TimeSpan.Zero));
    private readonly RecordingCatalog _catalog;
    private readonly Dictionary<string, Guid> _agents = [];

    public RecordingCatalogTests()
    {
        _catalog = new RecordingCatalog(_database, Microsoft.Extensions.Options.Options.Create(new CallCenterOptions { DataDir = _dataDir }), _clock, NullLogger<RecordingCatalog>.Instance);
        using var db = _database.CreateDbContext();
        db.Queues.AddRange(
            new CallQueue { Name = "sales", DisplayName = "Sales", RecordingRule = RecordingRule.All },
            new CallQueue { Name = "quiet", DisplayName = "Quiet", RecordingRule = RecordingRule.None },
            new CallQueue { Name = "vip", DisplayName = "VIP", RecordingRule = RecordingRule.Selective, RecordingNumbers = "13800000001,\n13800000002" });
        db.Agents.AddRange(
            Agent("2001", null, null),
            Agent("2002", RecordingRule.None, null),
            Agent("2003", RecordingRule.Selective, "13900000009；13900000008"));
        db.DialledNumbers.AddRange(
            new DialledNumber { Number = "4001", TargetType = RouteTargetType.Queue, Target = "sales" },
            new DialledNumber { Number = "4002", TargetType = RouteTargetType.Queue, Target = "quiet", RecordingRule = RecordingRule.All },
            new DialledNumber { Number = "4003", TargetType = RouteTargetType.Queue, Target = "sales", RecordingRule = RecordingRule.None });
        db.SaveChanges();
    }

    public void Dispose()
    {
        _database.Dispose();
        Directory.Delete(_dataDir, recursive: true);
    }

    [Theory]
    // Nothing set anywhere: every bridged call is recorded.
    [InlineData(null, null, "5555", "13700000000", false, true)]
    [InlineData(null, "2001", "4001", "13700000000", false, true)]
    // The queue decides when agent and number inherit.
    [InlineData("quiet", "2001", "4001", "13700000000", false, false)]
    [InlineData("sales", "2001", "4001", "13700000000", false, true)]
    // The number is more specific than the queue, either way.
    [InlineData("quiet", "2001", "4002", "13700000000", false, true)]
    [InlineData("sales", "2001", "4003", "13700000000", false, false)]
    // The agent is more specific than the number and the queue.
    [InlineData("sales", "2002", "4002", "13700000000", false, false)]
    [InlineData("quiet", "2003", "4001", "13900000008", false, true)]
    [InlineData("sales", "2003", "4002", "13700000000", false, false)]
    // Selective by the caller's number.
    [InlineData("vip", "2001", "4001", "13800000002", false, true)]
    [InlineData("vip", "2001", "4001", "13700000000", false, false)]
    // On demand overrides every rule.
    [InlineData("quiet", "2002", "4003", "13700000000", true, true)]
    public async Task TheMostSpecificRuleThatIsSetDecides(string? queue, string? agent, string dialled, string caller, bool force, bool recorded)
    {
        var callId = Guid.CreateVersion7();

        var target = await _catalog.BeginAsync(new RecordingRequest(callId, caller, dialled, queue, agent, force), CancellationToken.None);

        Assert.Equal(recorded, target is not null);
        await using var db = _database.CreateDbContext();
        var rows = await db.Recordings.AsNoTracking().Where(r => r.CallId == callId).ToListAsync();
        Assert.Equal(recorded ? 1 : 0, rows.Count);
    }

    [Fact]
    public async Task RecordedCallIsCataloguedAtOnceAndCompletedLater()
    {
        var callId = Guid.CreateVersion7();

        var target = await _catalog.BeginAsync(new RecordingRequest(callId, "13700000000", "4001", "sales", "2001"), CancellationToken.None);

        Assert.NotNull(target);
        await using (var db = _database.CreateDbContext())
        {
            var row = await db.Recordings.AsNoTracking().SingleAsync(r => r.Id == target.RecordingId);
            Assert.Equal($"recordings/2026/11/30/{target.RecordingId}.ogg", row.FilePath);
            Assert.Equal(Path.Combine(_dataDir, "recordings", "2026", "11", "30", $"{target.RecordingId}.ogg"), target.FilePath);
            Assert.Equal(callId, row.CallId);
            Assert.Equal(_agents["2001"], row.AgentId);
            Assert.Equal("13700000000", row.CallerNumber);
            Assert.Equal("4001", row.CalleeNumber);
            Assert.Equal("ogg-opus", row.Format);
            Assert.Equal(2, row.Channels);
            Assert.Equal(_clock.GetUtcNow(), row.StartedAt);
            Assert.Equal(0, row.SizeBytes);
        }

        await _catalog.CompleteAsync(target.RecordingId, new RecordingResult(TimeSpan.FromSeconds(61.24), 251_000, 0, 0), CancellationToken.None);

        await using (var db = _database.CreateDbContext())
        {
            var row = await db.Recordings.AsNoTracking().SingleAsync(r => r.Id == target.RecordingId);
            Assert.Equal(61.24, row.DurationSeconds, 3);
            Assert.Equal(251_000, row.SizeBytes);
        }
    }

    private Agent Agent(string extension, RecordingRule? rule, string? numbers)
    {
        var agent = new Agent { WorkNumber = "W" + extension, Name = "Agent " + extension, Extension = extension, SipRealm = "callcenter", RecordingRule = rule, RecordingNumbers = numbers };
        _agents[extension] = agent.Id;
        return agent;
    }
}
