using CallCenter.Tests.Support;
using Microsoft.Playwright;

namespace CallCenter.Tests.Browser;

/// <summary>An administrator, in Chromium, adds an agent through the admin pages.</summary>
[Collection(WebAppCollection.Name)]
public sealed class AdminCreatesAgentTests(CallCenterWebFactory app, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task AdminCreatesAnAgentAndSeesItInTheList()
    {
        var page = await chromium.NewPageAsync(app);
        await page.SignInAsync("admin");

        await page.GotoAsync("/admin/users");
        // The demo organisation is listed, in Chinese.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "用户与坐席" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "agent01", Exact = true })).ToBeVisibleAsync();

        await page.GetByTestId("create").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByTestId("username").FillAsync("agent11");
        await dialog.GetByTestId("displayname").FillAsync("郑新");
        await dialog.GetByTestId("password").FillAsync("Welcome@2026");
        // A new user is an agent who takes calls unless the admin says otherwise.
        await Assertions.Expect(dialog.GetByRole(AriaRole.Checkbox, new() { Name = "坐席", Exact = true })).ToBeCheckedAsync();
        await Assertions.Expect(dialog.GetByTestId("hasagent")).ToBeCheckedAsync();
        await dialog.GetByTestId("worknumber").FillAsync("1011");
        // Extension 1001 belongs to agent01: the error must appear beside that field, and nothing is saved.
        await dialog.GetByTestId("extension").FillAsync("1001");
        await dialog.GetByTestId("sippassword").FillAsync("sip1011secret");
        await dialog.GetByText("销售组", new() { Exact = true }).ClickAsync();
        await dialog.GetByTestId("save").ClickAsync();

        var extensionField = dialog.Locator(".mud-input-control").Filter(new() { Has = page.GetByTestId("extension") });
        await Assertions.Expect(extensionField).ToContainTextAsync("已存在");
        await Assertions.Expect(dialog).ToBeVisibleAsync();

        await dialog.GetByTestId("extension").FillAsync("1011");
        await dialog.GetByTestId("save").ClickAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync();

        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "agent11" });
        await Assertions.Expect(row).ToContainTextAsync("郑新");
        await Assertions.Expect(row).ToContainTextAsync("1011");

        // Still there after a full reload: it was stored, not just drawn.
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "agent11" })).ToContainTextAsync("1011");
    }
}
