using System.Globalization;

using CallCenter.Tests.Support;

using Microsoft.Playwright;

namespace CallCenter.Tests.Browser;

/// <summary>
/// The shift leader posts a 业务通知 to 销售组 in Chromium; agent01, in another browser context with its inbox open,
/// sees it arrive unread with its count raised (pushed, no reload), opens it, and the leader's receipts show agent01.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class NoticeInboxTests(CallCenterWebFactory app, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task LeaderPostsToSalesAndAgent01SeesItUnreadOpensItAndAppearsInTheReceipts()
    {
        var title = "销售例会通知 " + Guid.NewGuid().ToString("N")[..6];

        var agent = await chromium.NewPageAsync(app);
        await agent.SignInAsync("agent01");
        await agent.GotoAsync("/notices");
        await WaitForCircuitAsync(agent);
        var before = int.Parse((await agent.GetByTestId("notice-count").GetAttributeAsync("data-count"))!, CultureInfo.InvariantCulture);

        var leader = await chromium.NewPageAsync(app);
        await leader.SignInAsync("leader");
        await leader.GotoAsync("/notices/manage");
        await WaitForCircuitAsync(leader);
        await leader.GetByTestId("notice-compose").ClickAsync();
        var dialog = leader.GetByRole(AriaRole.Dialog);
        await dialog.GetByTestId("notice-title-input").FillAsync(title);
        await dialog.GetByTestId("notice-body-input").FillAsync("明早九点在三楼会议室开销售例会，请准时参加。");
        await dialog.GetByText("发送给全员", new() { Exact = true }).ClickAsync();
        await dialog.GetByText("销售组", new() { Exact = true }).ClickAsync();
        await dialog.GetByTestId("notice-save").ClickAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        var leaderRow = leader.GetByTestId("notice-manage-row").Filter(new() { HasText = title });
        await Assertions.Expect(leaderRow).ToContainTextAsync("销售组");

        // Pushed to the agent's open inbox and menu badge.
        var expected = (before + 1).ToString(CultureInfo.InvariantCulture);
        await Assertions.Expect(agent.GetByTestId("notice-count")).ToHaveAttributeAsync("data-count", expected);
        await Assertions.Expect(agent.GetByTestId("notice-unread-count")).ToHaveTextAsync(expected);
        var agentRow = agent.GetByTestId("notice-row").Filter(new() { HasText = title });
        await Assertions.Expect(agentRow.GetByTestId("notice-unread")).ToBeVisibleAsync();

        await agentRow.GetByTestId("notice-title").ClickAsync();
        await Assertions.Expect(agent.GetByTestId("notice-detail-title")).ToHaveTextAsync(title);
        await Assertions.Expect(agent.GetByTestId("notice-body")).ToContainTextAsync("销售例会");
        await agent.GetByTestId("notice-back").ClickAsync();
        await Assertions.Expect(agent.GetByTestId("notice-count")).ToHaveAttributeAsync("data-count", before.ToString(CultureInfo.InvariantCulture));
        await Assertions.Expect(agent.GetByTestId("notice-row").Filter(new() { HasText = title })).ToHaveAttributeAsync("data-read", "true");

        // The leader's list follows the reader, and the receipts name agent01 as read, agent02 (also in sales) as not.
        await Assertions.Expect(leaderRow.GetByTestId("notice-read-count")).ToContainTextAsync("1 /");
        await leaderRow.GetByTestId("notice-receipts").ClickAsync();
        var receipts = leader.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(receipts.GetByTestId("receipt-read").Filter(new() { HasText = "agent01" })).ToBeVisibleAsync();
        await Assertions.Expect(receipts.GetByTestId("receipt-read")).ToHaveCountAsync(1);
        await Assertions.Expect(receipts.GetByTestId("receipt-unread").Filter(new() { HasText = "agent02" })).ToBeVisibleAsync();
        await Assertions.Expect(receipts.GetByTestId("receipt-unread").Filter(new() { HasText = "agent06" })).ToHaveCountAsync(0);
    }

    // The prerendered page shows before its circuit connects and keeps its controls disabled until then (MainLayout).
    private static Task WaitForCircuitAsync(IPage page) =>
        Assertions.Expect(page.Locator("fieldset.cc-page:not([disabled])")).ToBeAttachedAsync();
}
