using Bunit;

using CallCenter.Core.Domain;
using CallCenter.Web.Components.Shared.Customers;

using Microsoft.EntityFrameworkCore;

namespace CallCenter.Tests.Web.Customers;

public sealed class NewCustomerFormTests : IAsyncLifetime
{
    private readonly CustomerComponentTestContext _ctx = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _ctx.DisposeAsync();

    [Fact]
    public async Task AMissingNameIsShownBesideTheNameFieldAndNothingIsSaved()
    {
        _ctx.SignIn(Guid.NewGuid(), "agent01", Roles.Agent);
        var form = _ctx.RenderWithProviders<NewCustomerForm>(p => p
            .Add(f => f.Number, "13912345678")
            .Add(f => f.Location, "上海 移动"));

        Assert.Equal("13912345678", form.Find("input[data-testid=customer-phone-0]").GetAttribute("value"));
        Assert.Contains("号码归属地：上海 移动", form.Find("[data-testid=customer-notes-input]").OuterHtml);
        form.Find("[data-testid=new-customer-save]").Click();

        form.WaitForAssertion(() =>
        {
            var nameControl = form.Find("input[data-testid=customer-name-input]").Closest(".mud-input-control")!;
            Assert.Contains("必填", nameControl.TextContent);
        });
        var phoneControl = form.Find("input[data-testid=customer-phone-0]").Closest(".mud-input-control")!;
        Assert.DoesNotContain("必填", phoneControl.TextContent);
        await using var db = _ctx.Data.Database.CreateDbContext();
        Assert.Equal(0, await db.Customers.CountAsync());
    }

    [Fact]
    public async Task SavingLinksTheCallAndHandsTheNewIdToOnSaved()
    {
        var call = await _ctx.Data.AddCallAsync(null, DateTimeOffset.UtcNow.AddMinutes(-1), caller: "13912345678");
        _ctx.SignIn(Guid.NewGuid(), "agent01", Roles.Agent);
        Guid? saved = null;
        var form = _ctx.RenderWithProviders<NewCustomerForm>(p => p
            .Add(f => f.Number, "13912345678")
            .Add(f => f.CallId, call.Id)
            .Add(f => f.OnSaved, id => saved = id));

        form.Find("input[data-testid=customer-name-input]").Input("赵六");
        form.Find("[data-testid=new-customer-save]").Click();

        form.WaitForAssertion(() => Assert.NotNull(saved));
        await using var db = _ctx.Data.Database.CreateDbContext();
        var customer = await db.Customers.Include(c => c.Phones).SingleAsync();
        Assert.Equal((saved!.Value, "赵六", "13912345678"), (customer.Id, customer.Name, customer.Phones.Single().Number));
        Assert.Equal(customer.Id, (await db.Calls.SingleAsync()).CustomerId);
        Assert.Equal("agent01", (await db.AuditLog.SingleAsync()).Actor);
    }
}
