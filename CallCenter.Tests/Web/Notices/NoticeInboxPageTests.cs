using Bunit;

using CallCenter.Core.Domain;
using CallCenter.Core.Services.Notices;
using CallCenter.Tests.Core.Services.Notices;
using CallCenter.Web.Components.Pages.Notices;

namespace CallCenter.Tests.Web.Notices;

public sealed class NoticeInboxPageTests : NoticeBunitContext
{
    private Guid _leader;
    private Guid _agent;
    private Guid _sales;

    private async Task SeedAsync()
    {
        _sales = await NoticeTestHost.AddGroupAsync(Database, "销售组");
        _leader = (await NoticeTestHost.AddUserAsync(Database, "leader", "1000", _sales)).UserId;
        _agent = (await NoticeTestHost.AddUserAsync(Database, "agent01", "1001", _sales)).UserId;
        SignIn(_agent, "agent01", Roles.Agent);
    }

    [Fact]
    public async Task UnreadNoticesAreMarkedAndBoldAndCounted()
    {
        await SeedAsync();
        var read = await PostAsync("已读的通知");
        Clock.Advance(TimeSpan.FromMinutes(1));
        await PostAsync("未读的通知", _sales);
        Assert.True(await Notices.MarkReadAsync(read, _agent));

        var cut = Render<NoticeInboxPage>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=notice-row]").Count));
        var rows = cut.FindAll("[data-testid=notice-row]");
        Assert.Contains("未读的通知", rows[0].TextContent);
        Assert.NotNull(rows[0].QuerySelector("[data-testid=notice-unread]"));
        Assert.Contains("font-weight:700", rows[0].QuerySelector("[data-testid=notice-title]")!.GetAttribute("style"));
        Assert.Null(rows[1].QuerySelector("[data-testid=notice-unread]"));
        Assert.Contains("font-weight:400", rows[1].QuerySelector("[data-testid=notice-title]")!.GetAttribute("style"));
        Assert.Equal("未读 1 条", cut.Find("[data-testid=notice-count]").TextContent.Trim());
        Assert.Equal($"/notices/{read}", rows[1].QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task ANoticePostedWhileTheInboxIsOpenAppearsUnreadAndTheBadgeRises()
    {
        await SeedAsync();
        var inbox = Render<NoticeInboxPage>();
        var badge = Render<NoticeUnreadBadge>();
        inbox.WaitForAssertion(() => Assert.Contains("暂无通知", inbox.Markup));
        Assert.Empty(badge.FindAll("[data-testid=notice-unread-count]"));

        var id = await PostAsync("刚发布的通知", _sales);

        inbox.WaitForAssertion(() => Assert.Contains("刚发布的通知", inbox.Find("[data-testid=notice-row]").TextContent));
        Assert.Equal("未读 1 条", inbox.Find("[data-testid=notice-count]").TextContent.Trim());
        badge.WaitForAssertion(() => Assert.Equal("1", badge.Find("[data-testid=notice-unread-count]").TextContent.Trim()));

        // Reading it elsewhere (the detail page) clears the mark and the badge.
        await Notices.MarkReadAsync(id, _agent);
        inbox.WaitForAssertion(() => Assert.Empty(inbox.FindAll("[data-testid=notice-unread]")));
        badge.WaitForAssertion(() => Assert.Empty(badge.FindAll("[data-testid=notice-unread-count]")));
    }

    [Fact]
    public async Task OpeningANoticeShowsItAndRecordsTheReceipt()
    {
        await SeedAsync();
        var id = await PostAsync("系统升级通知");

        var cut = Render<NoticeDetailPage>(p => p.Add(d => d.NoticeId, id));

        cut.WaitForAssertion(() => Assert.Equal("系统升级通知", cut.Find("[data-testid=notice-detail-title]").TextContent.Trim()));
        Assert.Contains("系统升级通知 的正文", cut.Find("[data-testid=notice-body]").TextContent);
        Assert.Equal(0, await Notices.UnreadCountAsync(_agent));
        var receipts = (await Notices.ReceiptsAsync(id, NoticeTestHost.ActorFor(_leader, Roles.ShiftLeader)))!;
        Assert.Equal("agent01", Assert.Single(receipts.Read).UserName);
    }

    private async Task<Guid> PostAsync(string title, params Guid[] groups)
    {
        var result = await Notices.CreateAsync(NoticeTestHost.Model(title, groups), NoticeTestHost.ActorFor(_leader, Roles.ShiftLeader));
        Assert.True(result.Succeeded);
        return result.Id!.Value;
    }
}
