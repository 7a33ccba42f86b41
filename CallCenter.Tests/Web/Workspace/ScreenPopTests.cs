using Bunit;

using CallCenter.Core.Domain;
using CallCenter.Telephony.Calls.Control;
using CallCenter.Telephony.Routing;
using CallCenter.Tests.Core.Services.Customers;
using CallCenter.Tests.Web.Customers;
using CallCenter.Web.Components.Pages.Workspace;

namespace CallCenter.Tests.Web.Workspace;

/// <summary>The screen pop for a known caller (its card and history), an unknown one (the new-customer form), VIP and blacklisted callers.</summary>
public sealed class ScreenPopTests : IAsyncLifetime
{
    private readonly CustomerComponentTestContext _ctx = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _ctx.DisposeAsync();

    [Fact]
    public async Task AKnownVipCallerOpensItsCardHistoryAndServiceRecordForm()
    {
        var model = CustomerTestHost.Model("李娜", "13700137000");
        model.IsVip = true;
        var customer = await _ctx.Data.CreateAsync(model);
        var (userId, _) = await _ctx.Data.AddAgentAsync("agent01", "1001");
        _ctx.SignIn(userId, "agent01", Roles.Agent);

        var pop = _ctx.RenderWithProviders<ScreenPop>(p => p
            .Add(s => s.Call, Ringing(new CallerInfo("13700137000") { CustomerId = customer, CustomerName = "李娜", IsVip = true }))
            .Add(s => s.Live, true));

        pop.WaitForAssertion(() => Assert.Equal("李娜", pop.Find("[data-testid=customer-name]").TextContent));
        Assert.NotNull(pop.Find("[data-testid=pop-vip]"));
        Assert.NotNull(pop.Find("[data-testid=history-calls]"));
        Assert.NotNull(pop.Find("[data-testid=service-record-form]"));
        Assert.Empty(pop.FindAll("[data-testid=new-customer-form]"));
        // While the call is up the panel stays open.
        Assert.Empty(pop.FindAll("[data-testid=pop-close]"));
    }

    [Fact]
    public async Task AnUnknownCallerGetsTheNewCustomerFormPrefilledWithItsNumberAndLocation()
    {
        var (userId, _) = await _ctx.Data.AddAgentAsync("agent01", "1001");
        _ctx.SignIn(userId, "agent01", Roles.Agent);

        var pop = _ctx.RenderWithProviders<ScreenPop>(p => p
            .Add(s => s.Call, Ringing(new CallerInfo("18612345678") { Location = "北京市", Carrier = "中国联通" })));

        pop.WaitForAssertion(() => Assert.NotNull(pop.Find("[data-testid=new-customer-form]")));
        Assert.Contains("18612345678", pop.Find("[data-testid=new-customer-form]").InnerHtml);
        Assert.Contains("北京市", pop.Find("[data-testid=new-customer-form]").InnerHtml);
        Assert.NotNull(pop.Find("[data-testid=pop-unknown]"));
        Assert.Empty(pop.FindAll("[data-testid=customer-card]"));
        Assert.NotNull(pop.Find("[data-testid=pop-close]"));
    }

    [Fact]
    public async Task ABlacklistedCallerThatReachedAnAgentIsFlaggedOnThePop()
    {
        var (userId, _) = await _ctx.Data.AddAgentAsync("agent01", "1001");
        _ctx.SignIn(userId, "agent01", Roles.Agent);

        var pop = _ctx.RenderWithProviders<ScreenPop>(p => p
            .Add(s => s.Call, Ringing(new CallerInfo("13900139000") { IsBlacklisted = true, IsMalicious = true }))
            .Add(s => s.Live, true));

        Assert.Contains("黑名单", pop.Find("[data-testid=pop-blacklisted]").TextContent);
        Assert.NotNull(pop.Find("[data-testid=pop-malicious]"));
    }

    private static AgentCallView Ringing(CallerInfo caller) =>
        new(Guid.CreateVersion7(), Guid.CreateVersion7(), AgentCallState.Ringing, caller.Number, "4001", "sales", DateTimeOffset.UtcNow, null, false,
            caller, [], AgentCallActions.None);
}
