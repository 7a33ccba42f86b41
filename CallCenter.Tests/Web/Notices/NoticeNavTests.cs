using Bunit;

using CallCenter.Core.Domain;
using CallCenter.Tests.Support;
using CallCenter.Web.Components.Layout;

namespace CallCenter.Tests.Web.Notices;

public sealed class NoticeNavTests : WebBunitContext
{
    public NoticeNavTests()
    {
        NoticeBunitServices.Add(Services);
    }

    private IReadOnlyList<string> RenderLinks()
    {
        var menu = Render<NavMenu>();
        return menu.FindAll("a").Select(a => a.GetAttribute("href") ?? "").ToList();
    }

    [Fact]
    public void AnAgentSeesItsNoticesAndWorkRecordsButNotNoticeManagement()
    {
        SignInAs("t-agent", Roles.Agent);
        var links = RenderLinks();
        Assert.Contains("/notices", links);
        Assert.Contains("/work-records", links);
        Assert.DoesNotContain("/notices/manage", links);
    }

    [Theory]
    [InlineData(Roles.ShiftLeader)]
    [InlineData(Roles.Supervisor)]
    [InlineData(Roles.Manager)]
    [InlineData(Roles.Admin)]
    public void LeadersAndAboveManageNotices(string role)
    {
        SignInAs("t-" + role, role);
        var links = RenderLinks();
        Assert.Contains("/notices", links);
        Assert.Contains("/notices/manage", links);
        Assert.Contains("/work-records", links);
    }

    [Fact]
    public void TheMenuNamesThemInChinese()
    {
        SignInAs("t-leader", Roles.ShiftLeader);
        var markup = Render<NavMenu>().Markup;
        Assert.Contains("业务通知", markup);
        Assert.Contains("通知管理", markup);
        Assert.Contains("工作记录", markup);
    }
}
