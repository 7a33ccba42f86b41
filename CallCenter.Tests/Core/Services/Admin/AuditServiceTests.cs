using CallCenter.Core.Services.Audit;

namespace CallCenter.Tests.Core.Services.Admin;

public sealed class AuditServiceTests : IDisposable
{
    private readonly AdminTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task QueryFiltersByActorActionEntityAndTimeAndPages()
    {
        var start = DateTimeOffset.UtcNow.AddMinutes(-1);
        for (var i = 0; i < 7; i++)
        {
            await _host.Audit.WriteAsync(i % 2 == 0 ? "admin" : "manager", i < 5 ? "queue.update" : "agent.create", "CallQueue", $"q{i}", null, "10.0.0.1");
        }

        Assert.Equal(4, (await _host.Audit.QueryAsync(new AuditQuery { Actor = "admin" })).TotalCount);
        Assert.Equal(2, (await _host.Audit.QueryAsync(new AuditQuery { Action = "agent." })).TotalCount);
        Assert.Equal("q3", Assert.Single((await _host.Audit.QueryAsync(new AuditQuery { EntityId = "q3" })).Items).EntityId);
        Assert.Equal(7, (await _host.Audit.QueryAsync(new AuditQuery { From = start, To = DateTimeOffset.UtcNow.AddMinutes(1) })).TotalCount);
        Assert.Equal(0, (await _host.Audit.QueryAsync(new AuditQuery { To = start })).TotalCount);

        var page = await _host.Audit.QueryAsync(new AuditQuery { Page = 1, PageSize = 3 });
        Assert.Equal(7, page.TotalCount);
        Assert.Equal(["q3", "q2", "q1"], page.Items.Select(e => e.EntityId));
    }
}
