using CallCenter.Core.Domain;
using CallCenter.Core.Services.Admin;
using CallCenter.Core.Telephony;
using CallCenter.Tests.Core.Services.Admin;
using CallCenter.Tests.Support;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Tests.Core.Telephony;

/// <summary>Admin edits of queues, groups and agents reach the ACD at once, not after the snapshot's TTL.</summary>
public sealed class AcdDirectoryInvalidationTests : IDisposable
{
    private readonly SqliteTestDatabase _database = new();
    private readonly ServiceProvider _provider;
    private readonly IServiceScope _scope;

    public AcdDirectoryInvalidationTests()
    {
        var services = new ServiceCollection();
        AdminTestHost.AddAdminServices(services, _database);
        // A stopped clock: the snapshot never gets old, so only an invalidation can show a change.
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 3, 18, 1, 0, 0, TimeSpan.Zero)));
        services.AddSingleton<AcdDirectory>();
        _provider = services.BuildServiceProvider();
        _scope = _provider.CreateScope();
        using var db = _database.CreateDbContext();
        foreach (var role in Roles.All)
        {
            db.Roles.Add(new AppRole(role) { NormalizedName = role.ToUpperInvariant() });
        }
        db.SaveChanges();
    }

    public void Dispose()
    {
        _scope.Dispose();
        _provider.Dispose();
        _database.Dispose();
    }

    private AcdDirectory Directory => _provider.GetRequiredService<AcdDirectory>();

    private T Service<T>() where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

    [Fact]
    public async Task QueueGroupAndAgentEditsAreSeenByTheNextQuestion()
    {
        Assert.Empty(await Directory.GetQueuesAsync(CancellationToken.None));

        var created = await Service<UserAdminService>().CreateUserAsync(AdminTestHost.NewAgent("agent01", "1001"), AdminTestHost.Actor);
        Assert.True(created.Succeeded);
        Assert.NotNull(await Directory.GetAgentAsync("1001", CancellationToken.None));

        await using var db = _database.CreateDbContext();
        var agentId = await db.Agents.Where(a => a.Extension == "1001").Select(a => a.Id).SingleAsync();
        var group = await Service<AgentGroupService>().CreateAsync(
            new AgentGroupEditModel { Name = "销售组", Members = [new GroupMemberInput(agentId, 4)] }, AdminTestHost.Actor);
        Assert.True(group.Succeeded);
        var queue = await Service<QueueService>().CreateAsync(
            new QueueEditModel { Name = "sales", DisplayName = "销售", Strategy = QueueStrategy.Priority, GroupIds = [group.Id!.Value] },
            AdminTestHost.Actor);
        Assert.True(queue.Succeeded, string.Join(", ", queue.Errors));
        var sales = await Directory.GetQueueAsync("sales", CancellationToken.None);
        Assert.NotNull(sales);
        Assert.Equal(4, Assert.Single(sales.Members).Priority);

        var model = (await Service<AgentGroupService>().GetAsync(group.Id.Value))!;
        model.Members = [new GroupMemberInput(agentId, 9)];
        Assert.True((await Service<AgentGroupService>().UpdateAsync(model, AdminTestHost.Actor)).Succeeded);
        Assert.Equal(9, Assert.Single((await Directory.GetQueueAsync("sales", CancellationToken.None))!.Members).Priority);

        var queueModel = (await Service<QueueService>().GetAsync(queue.Id!.Value))!;
        queueModel.RingTimeoutSeconds = 25;
        Assert.True((await Service<QueueService>().UpdateAsync(queueModel, AdminTestHost.Actor)).Succeeded);
        Assert.Equal(TimeSpan.FromSeconds(25), (await Directory.GetQueueAsync("sales", CancellationToken.None))!.RingTimeout);

        Assert.True((await Service<UserAdminService>().SetActiveAsync(created.Id!.Value, false, AdminTestHost.Actor)).Succeeded);
        Assert.Null(await Directory.GetAgentAsync("1001", CancellationToken.None));
        Assert.Empty((await Directory.GetQueueAsync("sales", CancellationToken.None))!.Members);
    }
}
