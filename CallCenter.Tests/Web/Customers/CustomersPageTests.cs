using Bunit;

using CallCenter.Core.Domain;
using CallCenter.Tests.Core.Services.Customers;
using CallCenter.Web.Components.Pages.Customers;

namespace CallCenter.Tests.Web.Customers;

public sealed class CustomersPageTests : IAsyncLifetime
{
    private readonly CustomerComponentTestContext _ctx = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _ctx.DisposeAsync();

    [Fact]
    public async Task PagesNewestFirstAndSearchingByPartOfANumberListsOnlyThatCustomer()
    {
        var zhang = await _ctx.Data.CreateAsync(CustomerTestHost.Model("张伟", "13800138000"));
        var liModel = CustomerTestHost.Model("李娜", "13700137000");
        liModel.IsVip = true;
        await _ctx.Data.CreateAsync(liModel);
        for (var i = 0; i < CustomersPage.PageSize; i++)
        {
            await _ctx.Data.CreateAsync(CustomerTestHost.Model("客户" + i, "0215555" + i.ToString("D4")));
        }
        _ctx.SignIn(Guid.NewGuid(), "agent01", Roles.Agent);

        var page = _ctx.RenderWithProviders<CustomersPage>();

        page.WaitForAssertion(() => Assert.Equal(CustomersPage.PageSize, page.FindAll("[data-testid=customer-link]").Count));
        Assert.Equal("客户19", page.FindAll("[data-testid=customer-link]")[0].TextContent);
        Assert.Contains("共 22 位客户", page.Find("[data-testid=customer-total]").TextContent);
        page.FindAll("[data-testid=customer-pages] button").Single(b => b.TextContent.Trim() == "2").Click();
        page.WaitForAssertion(() => Assert.Equal(["李娜", "张伟"], page.FindAll("[data-testid=customer-link]").Select(a => a.TextContent)));
        Assert.Single(page.FindAll("[data-testid=vip]"));
        page.Find("input[data-testid=customer-search]").Input("3800");

        page.WaitForAssertion(
            () => Assert.Equal([$"/customers/{zhang}"], page.FindAll("[data-testid=customer-link]").Select(a => a.GetAttribute("href"))),
            TimeSpan.FromSeconds(5));
        Assert.Contains("共 1 位客户", page.Find("[data-testid=customer-total]").TextContent);
        page.Find("input[data-testid=customer-search]").Input("没有这个人");
        page.WaitForElement("[data-testid=customer-no-rows]", TimeSpan.FromSeconds(5));
    }
}
