using Bunit;

using CallCenter.Core.Domain;
using CallCenter.Tests.Support;
using CallCenter.Web.Components.Layout;

using Microsoft.AspNetCore.Components;

namespace CallCenter.Tests.Web;

public sealed class NavMenuTests : WebBunitContext
{
    private static readonly string[] s_adminLinks = ["/admin/users", "/admin/groups", "/admin/queues", "/admin/numbers"];

    // The menu shows the unread-notice badge, which reads through the notice services.
    public NavMenuTests() => Notices.NoticeBunitServices.Add(Services);

    private IReadOnlyList<string> RenderLinks()
    {
        var menu = Render<NavMenu>();
        return menu.FindAll("a").Select(a => a.GetAttribute("href") ?? "").ToList();
    }

    [Fact]
    public void AgentSeesNoAdminLinks()
    {
        SignInAs("t-agent", Roles.Agent);
        var links = RenderLinks();
        Assert.Contains("/", links);
        Assert.DoesNotContain(links, l => l.StartsWith("/admin", StringComparison.Ordinal) || l == "/hangfire");
    }

    [Fact]
    public void AdminSeesEveryAdminLinkTheAuditLogAndTheJobs()
    {
        SignInAs("t-admin", Roles.Admin);
        var links = RenderLinks();
        Assert.All(s_adminLinks, l => Assert.Contains(l, links));
        Assert.Contains("/admin/audit", links);
        Assert.Contains("/hangfire", links);
    }

    [Fact]
    public void ManagerSeesAdminLinksButNotTheAuditLog()
    {
        SignInAs("t-manager", Roles.Manager);
        var links = RenderLinks();
        Assert.All(s_adminLinks, l => Assert.Contains(l, links));
        Assert.DoesNotContain("/admin/audit", links);
        Assert.DoesNotContain("/hangfire", links);
    }

    [Theory]
    [InlineData(Roles.ShiftLeader)]
    [InlineData(Roles.Supervisor)]
    public void LeadersAndSupervisorsSeeNoAdminLinks(string role)
    {
        SignInAs("t-" + role, role);
        Assert.DoesNotContain(RenderLinks(), l => l.StartsWith("/admin", StringComparison.Ordinal));
    }

    [Fact]
    public void LayoutIsChineseByDefault()
    {
        SignInAs("t-admin", Roles.Admin);
        var layout = RenderLayout();
        Assert.Contains("呼叫中心", layout.Markup);
        Assert.Contains("用户与坐席", layout.Markup);
        Assert.Contains("审计日志", layout.Markup);
        Assert.Contains("退出登录", layout.Markup);
    }

    [Fact]
    public void LayoutIsEnglishUnderTheEnglishCulture()
    {
        UseCulture("en");
        SignInAs("t-admin", Roles.Admin);
        var layout = RenderLayout();
        Assert.Contains("Call Center", layout.Markup);
        Assert.Contains("Users &amp; agents", layout.Markup);
        Assert.Contains("Audit log", layout.Markup);
        Assert.DoesNotContain("呼叫中心", layout.Markup);
    }

    private IRenderedComponent<MainLayout> RenderLayout()
    {
        // The user menu renders its sign-out form only when open; open it so its text is in the markup.
        var layout = Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddContent(0, "body"))));
        layout.Find("#user-menu button").Click();
        return layout;
    }
}
