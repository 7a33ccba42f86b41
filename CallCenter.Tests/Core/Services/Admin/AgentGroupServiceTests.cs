using CallCenter.Core.Services.Admin;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Tests.Core.Services.Admin;

public sealed class AgentGroupServiceTests : IDisposable
{
    private readonly AdminTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task GroupKeepsMembersWithPriorities()
    {
        await _host.CreateAgentAsync("leader", "1000");
        await _host.CreateAgentAsync("agent01", "1001");
        var agents = await _host.Groups.ListAgentsAsync();
        var model = new AgentGroupEditModel { Name = "销售组", Members = agents.Select((a, i) => new GroupMemberInput(a.Id, 10 - i)).ToList() };

        var result = await _host.Groups.CreateAsync(model, AdminTestHost.Actor);

        Assert.True(result.Succeeded);
        var stored = (await _host.Groups.GetAsync(result.Id!.Value))!;
        Assert.Equal([10, 9], stored.Members.Select(m => m.Priority));
        Assert.Equal(2, Assert.Single(await _host.Groups.ListAsync()).MemberCount);
    }

    [Fact]
    public async Task DuplicateGroupNameAndUnknownAgentAreRefused()
    {
        await _host.AddGroupAsync("销售组");
        var result = await _host.Groups.CreateAsync(new AgentGroupEditModel { Name = "销售组", Members = [new GroupMemberInput(Guid.NewGuid(), 1)] }, AdminTestHost.Actor);
        Assert.Equal(AdminErrorCodes.Duplicate, result.Errors[nameof(AgentGroupEditModel.Name)]);
        Assert.Equal(AdminErrorCodes.UnknownAgent, result.Errors[nameof(AgentGroupEditModel.Members)]);
    }

    [Fact]
    public async Task SecondEditorOfAGroupGetsConflictAndFirstEditStays()
    {
        var id = await _host.AddGroupAsync("销售组");
        var first = (await _host.Groups.GetAsync(id))!;
        var second = (await _host.Groups.GetAsync(id))!;
        first.Description = "first";
        second.Name = "客服组";

        Assert.True((await _host.Groups.UpdateAsync(first, AdminTestHost.Actor)).Succeeded);
        Assert.Equal(AdminResultStatus.Conflict, (await _host.Groups.UpdateAsync(second, AdminTestHost.Actor)).Status);

        var stored = (await _host.Groups.GetAsync(id))!;
        Assert.Equal(("销售组", "first"), (stored.Name, stored.Description));
        await using var db = _host.Database.CreateDbContext();
        Assert.Equal(["group.create", "group.update"], await db.AuditLog.OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
    }
}
