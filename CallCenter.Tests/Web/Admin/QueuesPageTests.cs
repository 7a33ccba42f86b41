using Bunit;
using CallCenter.Core.Services.Admin;
using CallCenter.Tests.Core.Services.Admin;
using CallCenter.Web.Components.Pages.Admin;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Tests.Web.Admin;

public sealed class QueuesPageTests : IAsyncLifetime
{
    private readonly AdminPageTestContext _ctx = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _ctx.DisposeAsync();

    [Fact]
    public async Task UnreadableBusinessHoursAreShownBesideTheirFieldNamingTheWrongPart()
    {
        var cut = _ctx.RenderPage<QueuesPage>();

        cut.Find("[data-testid=create]").Click();
        cut.WaitForElement("input[data-testid=business-hours]");
        Assert.Contains("营业时间", cut.Markup);
        cut.Find("input[data-testid=name]").Input("sales");
        cut.Find("input[data-testid=displayname]").Input("销售");
        cut.Find("input[data-testid=business-hours]").Input("Mon-Fry 09:00-18:00");
        cut.Find("[data-testid=save]").Click();

        cut.WaitForAssertion(() =>
        {
            var hoursControl = cut.Find("input[data-testid=business-hours]").Closest(".mud-input-control")!;
            Assert.Contains("营业时间写法不正确：'Mon-Fry' is not a day range", hoursControl.TextContent);
            var nameControl = cut.Find("input[data-testid=name]").Closest(".mud-input-control")!;
            Assert.DoesNotContain("写法不正确", nameControl.TextContent);
        });
        await using (var db = _ctx.Database.CreateDbContext())
        {
            Assert.Equal(0, await db.Queues.CountAsync());
        }

        cut.Find("input[data-testid=business-hours]").Input("mon-fri 9:00-18:00");
        cut.Find("[data-testid=save]").Click();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("input[data-testid=business-hours]")));
        await using (var db = _ctx.Database.CreateDbContext())
        {
            Assert.Equal("Mon-Fri 09:00-18:00", (await db.Queues.SingleAsync()).BusinessHours);
        }
    }

    [Fact]
    public async Task TheEditorShowsTheStoredBusinessHours()
    {
        var model = new QueueEditModel { Name = "sales", DisplayName = "销售", BusinessHours = "Mon-Fri 09:00-18:00; Sat 09:00-12:00" };
        Assert.True((await _ctx.Get<QueueService>().CreateAsync(model, AdminTestHost.Actor)).Succeeded);
        var cut = _ctx.RenderPage<QueuesPage>();

        cut.WaitForElement("[data-testid=edit]").Click();

        cut.WaitForAssertion(() =>
            Assert.Equal("Mon-Fri 09:00-18:00; Sat 09:00-12:00", cut.Find("input[data-testid=business-hours]").GetAttribute("value")));
    }
}
