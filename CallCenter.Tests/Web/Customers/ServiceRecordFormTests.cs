using Bunit;

using CallCenter.Core.Domain;
using CallCenter.Core.Services.ServiceRecords;
using CallCenter.Tests.Core.Services.Customers;
using CallCenter.Web.Components.Shared.Customers;

using Microsoft.EntityFrameworkCore;

namespace CallCenter.Tests.Web.Customers;

public sealed class ServiceRecordFormTests : IAsyncLifetime
{
    private readonly CustomerComponentTestContext _ctx = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _ctx.DisposeAsync();

    [Fact]
    public async Task EmptyContentIsShownBesideTheContentField()
    {
        var customer = await _ctx.Data.CreateAsync(CustomerTestHost.Model("张伟", "13800138000"));
        _ctx.SignIn(Guid.NewGuid(), "leader", Roles.ShiftLeader);
        var saved = false;
        var form = _ctx.RenderWithProviders<ServiceRecordForm>(p => p
            .Add(f => f.CustomerId, customer)
            .Add(f => f.OnSaved, () => saved = true));

        form.Find("[data-testid=service-record-save]").Click();

        form.WaitForAssertion(() =>
        {
            var control = form.Find("textarea[data-testid=service-record-content]").Closest(".mud-input-control")!;
            Assert.Contains("必填", control.TextContent);
        });
        Assert.False(saved);
        await using var db = _ctx.Data.Database.CreateDbContext();
        Assert.Equal(0, await db.ServiceRecords.CountAsync());
    }

    [Fact]
    public async Task SavingWritesTheRecordOnTheCallAsTheSignedInAgent()
    {
        var customer = await _ctx.Data.CreateAsync(CustomerTestHost.Model("张伟", "13800138000"));
        var (userId, agentId) = await _ctx.Data.AddAgentAsync("agent01", "1001");
        var call = await _ctx.Data.AddCallAsync(customer, DateTimeOffset.UtcNow.AddMinutes(-3), agentId, recorded: true);
        _ctx.SignIn(userId, "agent01", Roles.Agent);
        var saved = 0;
        var form = _ctx.RenderWithProviders<ServiceRecordForm>(p => p
            .Add(f => f.CustomerId, customer)
            .Add(f => f.CallId, call.Id)
            .Add(f => f.OnSaved, () => saved++));

        form.Find("textarea[data-testid=service-record-content]").Input("咨询发票开具流程，已说明所需资料。");
        form.Find("[data-testid=service-record-save]").Click();

        form.WaitForAssertion(() => Assert.Equal(1, saved));
        await using var db = _ctx.Data.Database.CreateDbContext();
        var record = await db.ServiceRecords.SingleAsync();
        Assert.Equal((customer, call.Id, agentId, ServiceRecordCategories.Consult, ServiceRecordStatus.Open),
            (record.CustomerId, record.CallId, record.AgentId, record.Category, record.Status));
        Assert.Equal("", form.Find("textarea[data-testid=service-record-content]").TextContent);
    }
}
