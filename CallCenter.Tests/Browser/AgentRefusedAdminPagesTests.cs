using CallCenter.Tests.Support;
using Microsoft.Playwright;

namespace CallCenter.Tests.Browser;

/// <summary>An agent, in Chromium, cannot reach the admin area: no links, and the pages refuse.</summary>
[Collection(WebAppCollection.Name)]
public sealed class AgentRefusedAdminPagesTests(CallCenterWebFactory app, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Theory]
    [InlineData("/admin/users")]
    [InlineData("/admin/groups")]
    [InlineData("/admin/queues")]
    [InlineData("/admin/numbers")]
    [InlineData("/admin/audit")]
    [InlineData("/hangfire")]
    public async Task Agent01IsRefusedTheAdminPage(string path)
    {
        var page = await chromium.NewPageAsync(app);
        await page.SignInAsync("agent01");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "用户与坐席" })).ToHaveCountAsync(0);

        var response = await page.GotoAsync(path);

        Assert.True(page.Url.Contains("/access-denied", StringComparison.OrdinalIgnoreCase),
            $"Expected the access-denied page, got {page.Url} (HTTP {response?.Status})");
        await Assertions.Expect(page.GetByText("无权访问")).ToBeVisibleAsync();
        // Nothing of the admin page leaked into what the agent sees.
        await Assertions.Expect(page.Locator("body")).Not.ToContainTextAsync("agent02");
    }
}
