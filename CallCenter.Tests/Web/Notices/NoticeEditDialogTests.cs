using Bunit;

using CallCenter.Core.Domain;
using CallCenter.Tests.Core.Services.Notices;
using CallCenter.Web.Components.Pages.Notices;

using Microsoft.EntityFrameworkCore;

namespace CallCenter.Tests.Web.Notices;

public sealed class NoticeEditDialogTests : NoticeBunitContext
{
    private Guid _leader;

    private async Task SeedAsync()
    {
        var sales = await NoticeTestHost.AddGroupAsync(Database, "销售组");
        await NoticeTestHost.AddGroupAsync(Database, "客服组");
        _leader = (await NoticeTestHost.AddUserAsync(Database, "leader", "1000", sales)).UserId;
        await NoticeTestHost.AddUserAsync(Database, "agent01", "1001", sales);
        SignIn(_leader, "leader", Roles.ShiftLeader);
    }

    [Fact]
    public async Task ErrorsAppearBesideTheirFieldsAndNothingIsSaved()
    {
        await SeedAsync();
        var cut = RenderPage<NoticeManagePage>();
        cut.WaitForElement("[data-testid=notice-compose]").Click();
        cut.WaitForElement("textarea[data-testid=notice-body-input]").Input("正文");
        cut.Find("input[data-testid=notice-everyone]").Change(false);
        cut.WaitForElement("[data-testid=notice-groups-error]");

        cut.Find("[data-testid=notice-save]").Click();

        cut.WaitForAssertion(() =>
        {
            var title = cut.Find("input[data-testid=notice-title-input]").Closest(".mud-input-control")!;
            Assert.Contains("必填", title.TextContent);
            var body = cut.Find("textarea[data-testid=notice-body-input]").Closest(".mud-input-control")!;
            Assert.DoesNotContain("必填", body.TextContent);
            Assert.Equal("请至少选择一个坐席组", cut.Find("[data-testid=notice-groups-error]").TextContent.Trim());
        });
        await using var db = Database.CreateDbContext();
        Assert.False(await db.Notices.AnyAsync());
    }

    [Fact]
    public async Task ALeaderPostsToAGroupAndTheListShowsItsReadCount()
    {
        await SeedAsync();
        var cut = RenderPage<NoticeManagePage>();
        cut.WaitForElement("[data-testid=notice-compose]").Click();
        cut.WaitForElement("input[data-testid=notice-title-input]").Input("促销话术");
        cut.Find("textarea[data-testid=notice-body-input]").Input("本月满一千减一百");
        cut.Find("input[data-testid=notice-everyone]").Change(false);
        var sales = cut.WaitForElements("input[data-testid=notice-group]").Single(g => g.Closest("label")!.TextContent.Contains("销售组"));
        sales.Change(true);

        cut.Find("[data-testid=notice-save]").Click();

        cut.WaitForAssertion(() =>
        {
            var row = cut.Find("[data-testid=notice-manage-row]");
            Assert.Contains("促销话术", row.TextContent);
            Assert.Contains("销售组", row.TextContent);
            Assert.Equal("0 / 1", row.QuerySelector("[data-testid=notice-read-count]")!.TextContent.Trim());
        });
        await using var db = Database.CreateDbContext();
        var notice = await db.Notices.Include(n => n.Groups).SingleAsync();
        Assert.False(notice.ToEveryone);
        Assert.Single(notice.Groups);
    }
}
