using Bunit;
using CallCenter.Core.Services.Audit;
using CallCenter.Web.Components.Pages.Admin;

namespace CallCenter.Tests.Web.Admin;

public sealed class AuditLogPageTests : IAsyncLifetime
{
    private readonly AdminPageTestContext _ctx = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _ctx.DisposeAsync();

    [Fact]
    public async Task FiltersByUserAndAction()
    {
        var audit = _ctx.Get<AuditService>();
        await audit.WriteAsync("admin", "queue.update", "CallQueue", "q1", "name=sales", "10.0.0.1");
        await audit.WriteAsync("manager", "queue.update", "CallQueue", "q2", "name=support", "10.0.0.2");
        await audit.WriteAsync("manager", "agent.create", "Agent", "a1", "extension=1001", "10.0.0.2");

        var cut = _ctx.RenderPage<AuditLogPage>();
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=audit-row]").Count));
        Assert.Contains("共 3 条", cut.Find("[data-testid=total]").TextContent);

        cut.Find("input[data-testid=actor]").Input("manager");
        cut.Find("[data-testid=filter]").Click();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=audit-row]").Count));

        cut.Find("input[data-testid=action]").Input("agent.");
        cut.Find("[data-testid=filter]").Click();
        cut.WaitForAssertion(() =>
        {
            var row = Assert.Single(cut.FindAll("[data-testid=audit-row]"));
            Assert.Contains("extension=1001", row.TextContent);
        });
    }
}
