using Bunit;
using CallCenter.Core.Services.Admin;
using CallCenter.Tests.Core.Services.Admin;
using CallCenter.Web.Components.Pages.Admin;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Tests.Web.Admin;

public sealed class UsersPageTests : IAsyncLifetime
{
    private readonly AdminPageTestContext _ctx = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _ctx.DisposeAsync();

    [Fact]
    public async Task ListsUsersWithTheirExtensions()
    {
        await CreateAgentAsync("agent01", "1001");
        await CreateAgentAsync("agent02", "1002");

        var cut = _ctx.RenderPage<UsersPage>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=user-row]").Count));
        Assert.Contains("agent01", cut.Markup);
        Assert.Contains("1002", cut.Markup);
        Assert.Contains("用户与坐席", cut.Markup);
    }

    [Fact]
    public async Task DuplicateExtensionIsShownBesideTheExtensionField()
    {
        await CreateAgentAsync("agent01", "1001");
        var cut = _ctx.RenderPage<UsersPage>();

        cut.Find("[data-testid=create]").Click();
        cut.WaitForElement("input[data-testid=extension]");
        cut.Find("input[data-testid=username]").Input("agent02");
        cut.Find("input[data-testid=displayname]").Input("王芳");
        cut.Find("input[data-testid=password]").Input("Demo@2026");
        cut.Find("input[data-testid=worknumber]").Input("W1002");
        cut.Find("input[data-testid=extension]").Input("1001");
        cut.Find("input[data-testid=sippassword]").Input("long-enough-secret");
        cut.Find("[data-testid=save]").Click();

        cut.WaitForAssertion(() =>
        {
            var extensionControl = cut.Find("input[data-testid=extension]").Closest(".mud-input-control")!;
            Assert.Contains("已存在，不能重复", extensionControl.TextContent);
            var workNumberControl = cut.Find("input[data-testid=worknumber]").Closest(".mud-input-control")!;
            Assert.DoesNotContain("已存在", workNumberControl.TextContent);
        });
        await using var db = _ctx.Database.CreateDbContext();
        Assert.Equal(1, await db.Agents.CountAsync());
    }

    [Fact]
    public async Task EditorIsToldWhenSomeoneElseChangedTheUserAndCanReload()
    {
        var userId = await CreateAgentAsync("agent01", "1001");
        var cut = _ctx.RenderPage<UsersPage>();
        cut.WaitForElement("[data-testid=edit]").Click();
        cut.WaitForElement("input[data-testid=displayname]");

        // Another administrator saves the same user while this dialog is open.
        var users = _ctx.Get<UserAdminService>();
        var other = (await users.GetUserAsync(userId))!;
        other.DisplayName = "别人改的";
        Assert.True((await users.UpdateUserAsync(other, new AdminActor("manager", null))).Succeeded);

        cut.Find("input[data-testid=displayname]").Input("我改的");
        cut.Find("[data-testid=save]").Click();

        cut.WaitForAssertion(() => Assert.Contains("此记录已被他人修改", cut.Find("[data-testid=conflict]").TextContent));
        Assert.Equal("别人改的", (await users.GetUserAsync(userId))!.DisplayName);

        cut.Find("[data-testid=reload]").Click();
        cut.WaitForAssertion(() =>
        {
            Assert.Empty(cut.FindAll("[data-testid=conflict]"));
            Assert.Equal("别人改的", cut.Find("input[data-testid=displayname]").GetAttribute("value"));
        });
    }

    private async Task<Guid> CreateAgentAsync(string userName, string extension)
    {
        var result = await _ctx.Get<UserAdminService>().CreateUserAsync(AdminTestHost.NewAgent(userName, extension), AdminTestHost.Actor);
        Assert.True(result.Succeeded);
        return result.Id!.Value;
    }
}
