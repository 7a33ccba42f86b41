using CallCenter.Core.Data;
using CallCenter.Core.Domain;
using CallCenter.Core.Services.Notices;
using CallCenter.Core.Services.WorkRecords;
using CallCenter.Tests.Support;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Tests.Core.Services.Notices;

/// <summary>
/// The notice and work-record services over a private SQLite database, on a clock that tests move, in the call
/// center's zone (UTC+8, as in China). Users, agents and groups are added directly, as the admin pages would leave them.
/// </summary>
public sealed class NoticeTestHost : IDisposable
{
    /// <summary>China Standard Time, built here so that the tests do not depend on the machine's time-zone data.</summary>
    public static readonly TimeZoneInfo ChinaTime = TimeZoneInfo.CreateCustomTimeZone("UTC+08", TimeSpan.FromHours(8), "UTC+08", "UTC+08");

    /// <summary>2026-11-30 10:00 in the call center.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 30, 10, 0, 0, TimeSpan.FromHours(8));

    private readonly ServiceProvider _provider;
    private readonly IServiceScope _scope;

    public NoticeTestHost()
    {
        Clock.SetLocalTimeZone(ChinaTime);
        var services = new ServiceCollection();
        AddServices(services, Database, Clock);
        _provider = services.BuildServiceProvider();
        _scope = _provider.CreateScope();
    }

    public SqliteTestDatabase Database { get; } = new();

    public FakeTimeProvider Clock { get; } = new(Start);

    public NoticeService Notices => _scope.ServiceProvider.GetRequiredService<NoticeService>();

    public NoticeNotifier Notifier => _scope.ServiceProvider.GetRequiredService<NoticeNotifier>();

    public WorkRecordService WorkRecords => _scope.ServiceProvider.GetRequiredService<WorkRecordService>();

    /// <summary>The composition, also for bUnit contexts.</summary>
    public static void AddServices(IServiceCollection services, IDbContextFactory<CallCenterDbContext> database, TimeProvider clock)
    {
        services.AddLogging();
        services.AddSingleton(database);
        services.AddSingleton(clock);
        services.AddCallCenterNotices();
        services.AddCallCenterWorkRecords();
    }

    public static NoticeActor ActorFor(Guid userId, string role) => new(userId, "user-" + userId.ToString()[..8], [role], "10.0.0.7");

    public static NoticeEditModel Model(string title, params Guid[] groupIds) => new()
    {
        Title = title,
        Body = title + " 的正文",
        ToEveryone = groupIds.Length == 0,
        GroupIds = [.. groupIds],
    };

    /// <summary>Adds a user; with an extension it takes calls (an agent in the given groups).</summary>
    public static async Task<(Guid UserId, Guid? AgentId)> AddUserAsync(
        IDbContextFactory<CallCenterDbContext> database, string userName, string? extension = null, params Guid[] groupIds)
    {
        await using var db = await database.CreateDbContextAsync();
        var user = new AppUser { UserName = userName, NormalizedUserName = userName.ToUpperInvariant(), DisplayName = "名" + userName, CreatedAt = Start };
        db.Users.Add(user);
        Agent? agent = null;
        if (extension is not null)
        {
            agent = new Agent { UserId = user.Id, Name = "名" + userName, WorkNumber = "W" + extension, Extension = extension };
            agent.Groups.AddRange(groupIds.Select(g => new AgentGroupMember { AgentId = agent.Id, GroupId = g, Priority = 1 }));
            db.Agents.Add(agent);
        }
        await db.SaveChangesAsync();
        return (user.Id, agent?.Id);
    }

    public static async Task<Guid> AddGroupAsync(IDbContextFactory<CallCenterDbContext> database, string name)
    {
        await using var db = await database.CreateDbContextAsync();
        var group = new AgentGroup { Name = name };
        db.AgentGroups.Add(group);
        await db.SaveChangesAsync();
        return group.Id;
    }

    public Task<(Guid UserId, Guid? AgentId)> AddUserAsync(string userName, string? extension = null, params Guid[] groupIds) =>
        AddUserAsync(Database, userName, extension, groupIds);

    public Task<Guid> AddGroupAsync(string name) => AddGroupAsync(Database, name);

    public void Dispose()
    {
        _scope.Dispose();
        _provider.Dispose();
        Database.Dispose();
    }
}
