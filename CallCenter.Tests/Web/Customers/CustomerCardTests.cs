using Bunit;

using CallCenter.Core.Domain;
using CallCenter.Tests.Core.Services.Customers;
using CallCenter.Web.Components.Shared.Customers;

namespace CallCenter.Tests.Web.Customers;

public sealed class CustomerCardTests : IAsyncLifetime
{
    private readonly CustomerComponentTestContext _ctx = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _ctx.DisposeAsync();

    [Fact]
    public async Task AFlaggedCustomerShowsTheVipAndMaliciousBadgesAndAPlainOneNeither()
    {
        var flaggedModel = CustomerTestHost.Model("李娜", "13700137000");
        flaggedModel.IsVip = true;
        flaggedModel.IsMalicious = true;
        flaggedModel.Company = "北京示例科技有限公司";
        flaggedModel.Tags = "批发,华北";
        var flagged = await _ctx.Data.CreateAsync(flaggedModel);
        var plain = await _ctx.Data.CreateAsync(CustomerTestHost.Model("张伟", "13800138000"));
        _ctx.SignIn(Guid.NewGuid(), "leader", Roles.ShiftLeader);

        var card = _ctx.RenderWithProviders<CustomerCard>(p => p.Add(c => c.CustomerId, flagged));

        card.WaitForAssertion(() => Assert.Equal("李娜", card.Find("[data-testid=customer-name]").TextContent));
        Assert.Contains("VIP", card.Find("[data-testid=vip]").TextContent);
        Assert.Contains("恶意来电", card.Find("[data-testid=malicious]").TextContent);
        Assert.Contains("北京示例科技有限公司", card.Find("[data-testid=customer-company]").TextContent);
        Assert.Equal(2, card.FindAll("[data-testid=customer-tags] .mud-chip").Count);

        card.Render(p => p.Add(c => c.CustomerId, plain));

        card.WaitForAssertion(() => Assert.Equal("张伟", card.Find("[data-testid=customer-name]").TextContent));
        Assert.Empty(card.FindAll("[data-testid=vip]"));
        Assert.Empty(card.FindAll("[data-testid=malicious]"));
    }

    [Fact]
    public async Task EveryNumberDialsAsTheSignedInAgent()
    {
        var id = await _ctx.Data.CreateAsync(CustomerTestHost.Model("张伟", "13800138000", "02158881234"));
        var (userId, _) = await _ctx.Data.AddAgentAsync("agent01", "1001");
        _ctx.SignIn(userId, "agent01", Roles.Agent);

        var card = _ctx.RenderWithProviders<CustomerCard>(p => p.Add(c => c.CustomerId, id));

        card.WaitForAssertion(() => Assert.Equal(2, card.FindAll("[data-testid=click-to-dial]").Count));
        card.FindAll("[data-testid=click-to-dial]")[1].Click();
        card.WaitForAssertion(() => Assert.Equal(("1001", "13800138000"), Assert.Single(_ctx.Dialled.Originated)));
    }

    [Fact]
    public async Task EditingFromTheCardSavesAndShowsTheChange()
    {
        var id = await _ctx.Data.CreateAsync(CustomerTestHost.Model("张伟", "13800138000"));
        _ctx.SignIn(Guid.NewGuid(), "leader", Roles.ShiftLeader);
        var card = _ctx.RenderWithProviders<CustomerCard>(p => p.Add(c => c.CustomerId, id));
        card.WaitForElement("[data-testid=customer-edit]").Click();

        var dialogs = _ctx.Dialogs!;
        dialogs.WaitForElement("input[data-testid=customer-company-input]").Input("上海示例贸易有限公司");
        dialogs.Find("input[data-testid=customer-vip-input]").Change(true);
        dialogs.Find("[data-testid=save]").Click();

        card.WaitForAssertion(() => Assert.Contains("上海示例贸易有限公司", card.Find("[data-testid=customer-company]").TextContent));
        Assert.NotEmpty(card.FindAll("[data-testid=vip]"));
    }
}
