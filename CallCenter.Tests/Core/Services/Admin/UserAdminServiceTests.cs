using CallCenter.Core.Domain;
using CallCenter.Core.Services.Admin;
using CallCenter.Telephony.Sip.Auth;
using CallCenter.Core.Telephony;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Tests.Core.Services.Admin;

public sealed class UserAdminServiceTests : IDisposable
{
    private readonly AdminTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task CreatedAgentHasHa1OverTheConfiguredRealmAndItsGroupsAndSkills()
    {
        var groupId = await _host.AddGroupAsync("销售组");
        var skillId = await _host.AddSkillAsync("英语");
        var model = AdminTestHost.NewAgent("agent01", "1001");
        model.Groups = [new GroupMembershipInput(groupId, 7)];
        model.Skills = [new SkillLevelInput(skillId, 4)];
        model.SeatRow = 2;
        model.SeatColumn = 3;

        var result = await _host.Users.CreateUserAsync(model, AdminTestHost.Actor);

        Assert.True(result.Succeeded);
        await using var db = _host.Database.CreateDbContext();
        var agent = await db.Agents.Include(a => a.Groups).Include(a => a.Skills).SingleAsync();
        Assert.Equal(DigestHash.Ha1(DigestAlgorithm.Md5, "1001", AdminTestHost.Realm, "sip1001secret"), agent.SipHa1Md5);
        Assert.Equal(DigestHash.Ha1(DigestAlgorithm.Sha256, "1001", AdminTestHost.Realm, "sip1001secret"), agent.SipHa1Sha256);
        Assert.Equal(AdminTestHost.Realm, agent.SipRealm);
        Assert.Equal(7, Assert.Single(agent.Groups).Priority);
        Assert.Equal(4, Assert.Single(agent.Skills).Level);
        Assert.Equal((2, 3), (agent.SeatRow, agent.SeatColumn));
        var user = await _host.Users.GetUserAsync(result.Id!.Value);
        Assert.Equal([Roles.Agent], user!.Roles);
    }

    [Fact]
    public async Task PlainSipPasswordIsStoredInNoColumnOfTheAgentsTable()
    {
        await _host.CreateAgentAsync("agent01", "1001");
        var userId = await _host.CreateAgentAsync("agent02", "1002");
        Assert.True((await _host.Users.SetSipPasswordAsync(userId, "another-secret-1002", AdminTestHost.Actor)).Succeeded);

        await using var db = _host.Database.CreateDbContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM Agents";
        await using var reader = await command.ExecuteReaderAsync();
        var cells = new List<string>();
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                if (reader.GetValue(i) is string text)
                {
                    cells.Add(text);
                }
            }
        }
        Assert.NotEmpty(cells);
        Assert.DoesNotContain(cells, c => c.Contains("sip1001secret", StringComparison.Ordinal)
            || c.Contains("sip1002secret", StringComparison.Ordinal)
            || c.Contains("another-secret-1002", StringComparison.Ordinal));
        var audit = await db.AuditLog.Select(e => e.Details ?? "").ToListAsync();
        Assert.DoesNotContain(audit, d => d.Contains("secret", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NewSipPasswordReplacesTheHa1()
    {
        var userId = await _host.CreateAgentAsync("agent01", "1001");

        Assert.True((await _host.Users.SetSipPasswordAsync(userId, "brand-new-secret", AdminTestHost.Actor)).Succeeded);

        await using var db = _host.Database.CreateDbContext();
        var agent = await db.Agents.SingleAsync();
        Assert.Equal(DigestHash.Ha1(DigestAlgorithm.Md5, "1001", AdminTestHost.Realm, "brand-new-secret"), agent.SipHa1Md5);
        Assert.Contains(await db.AuditLog.ToListAsync(), e => e.Action == "agent.sip-password" && e.Actor == "admin");
    }

    [Fact]
    public async Task NewSipPasswordCountsAtTheNextRegisterNotAfterTheCacheExpires()
    {
        var userId = await _host.CreateAgentAsync("agent01", "1001");
        var store = _host.Provider.GetRequiredService<SipCredentialStore>();
        var before = await store.FindAsync("1001", AdminTestHost.Realm, CancellationToken.None);
        Assert.NotNull(before);

        Assert.True((await _host.Users.SetSipPasswordAsync(userId, "brand-new-secret", AdminTestHost.Actor)).Succeeded);

        var after = await store.FindAsync("1001", AdminTestHost.Realm, CancellationToken.None);
        Assert.Equal(DigestHash.Ha1(DigestAlgorithm.Md5, "1001", AdminTestHost.Realm, "brand-new-secret"), after!.Ha1(DigestAlgorithm.Md5));
    }

    [Fact]
    public async Task ChangesWriteAuditRowsWithActorAndAddress()
    {
        var userId = await _host.CreateAgentAsync("agent01", "1001");
        var model = (await _host.Users.GetUserAsync(userId))!;
        model.DisplayName = "改名";
        Assert.True((await _host.Users.UpdateUserAsync(model, AdminTestHost.Actor)).Succeeded);
        Assert.True((await _host.Users.SetActiveAsync(userId, false, AdminTestHost.Actor)).Succeeded);
        Assert.True((await _host.Users.ResetPasswordAsync(userId, "Other@2026", AdminTestHost.Actor)).Succeeded);

        await using var db = _host.Database.CreateDbContext();
        var rows = await db.AuditLog.OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(["user.create", "agent.create", "user.update", "agent.update", "user.deactivate", "user.password-reset"], rows.Select(r => r.Action));
        Assert.All(rows, r => Assert.Equal(("admin", "10.0.0.9"), (r.Actor, r.RemoteAddress)));
        Assert.All(rows, r => Assert.NotNull(r.EntityId));
        Assert.False((await db.Users.SingleAsync()).IsActive);
        Assert.False((await db.Agents.SingleAsync()).IsActive);
    }

    [Fact]
    public async Task SecondEditorOfAUserGetsConflictAndFirstEditStays()
    {
        var userId = await _host.CreateAgentAsync("agent01", "1001");
        var first = (await _host.Users.GetUserAsync(userId))!;
        var second = (await _host.Users.GetUserAsync(userId))!;
        first.DisplayName = "第一位";
        second.DisplayName = "第二位";
        second.Extension = "1009";
        second.SipPassword = "second-editor-secret";

        Assert.True((await _host.Users.UpdateUserAsync(first, AdminTestHost.Actor)).Succeeded);
        var result = await _host.Users.UpdateUserAsync(second, AdminTestHost.Actor);

        Assert.Equal(AdminResultStatus.Conflict, result.Status);
        var stored = (await _host.Users.GetUserAsync(userId))!;
        Assert.Equal("第一位", stored.DisplayName);
        Assert.Equal("1001", stored.Extension);
    }
}
