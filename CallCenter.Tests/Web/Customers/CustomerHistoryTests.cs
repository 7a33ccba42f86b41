using Bunit;

using CallCenter.Core.Domain;
using CallCenter.Tests.Core.Services.Customers;
using CallCenter.Web.Components.Shared.Customers;
using CallCenter.Web.Hosting;

namespace CallCenter.Tests.Web.Customers;

public sealed class CustomerHistoryTests : IAsyncLifetime
{
    private readonly CustomerComponentTestContext _ctx = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _ctx.DisposeAsync();

    [Fact]
    public async Task AnAgentGetsAPlayerOnlyForItsOwnCallsRecording()
    {
        var customer = await _ctx.Data.CreateAsync(CustomerTestHost.Model("张伟", "13800138000"));
        var (userId, agentId) = await _ctx.Data.AddAgentAsync("agent01", "1001");
        var (_, otherAgent) = await _ctx.Data.AddAgentAsync("agent02", "1002");
        var own = await _ctx.Data.AddCallAsync(customer, DateTimeOffset.UtcNow.AddHours(-2), agentId, recorded: true);
        var others = await _ctx.Data.AddCallAsync(customer, DateTimeOffset.UtcNow.AddHours(-1), otherAgent, recorded: true);
        await _ctx.Data.AddRecordAsync(customer, own.Id, DateTimeOffset.UtcNow.AddHours(-2));
        _ctx.SignIn(userId, "agent01", Roles.Agent);

        var history = _ctx.RenderWithProviders<CustomerHistory>(p => p.Add(h => h.CustomerId, customer).Add(h => h.Limit, 10));

        history.WaitForAssertion(() => Assert.Equal(2, history.FindAll("[data-testid=history-call]").Count));
        var calls = history.Find("[data-testid=history-calls]");
        var player = Assert.Single(calls.QuerySelectorAll("audio[data-testid=recording-player]"));
        Assert.Equal(RecordingEndpoints.PathOf(own.RecordingId!.Value), player.GetAttribute("src"));
        Assert.Single(calls.QuerySelectorAll("[data-testid=recording-not-yours]"));
        Assert.DoesNotContain(others.RecordingId!.Value.ToString(), history.Markup);
        var record = history.Find("[data-testid=history-service-records]");
        Assert.Equal(RecordingEndpoints.PathOf(own.RecordingId!.Value), record.QuerySelector("audio")!.GetAttribute("src"));
        Assert.Contains("咨询", record.TextContent);
    }

    [Fact]
    public async Task ALeaderGetsAPlayerForEveryRecording()
    {
        var customer = await _ctx.Data.CreateAsync(CustomerTestHost.Model("张伟", "13800138000"));
        var (_, agentId) = await _ctx.Data.AddAgentAsync("agent01", "1001");
        await _ctx.Data.AddCallAsync(customer, DateTimeOffset.UtcNow.AddHours(-2), agentId, recorded: true);
        await _ctx.Data.AddCallAsync(customer, DateTimeOffset.UtcNow.AddHours(-1), agentId, recorded: true);
        _ctx.SignIn(Guid.NewGuid(), "leader", Roles.ShiftLeader);

        var history = _ctx.RenderWithProviders<CustomerHistory>(p => p.Add(h => h.CustomerId, customer));

        history.WaitForAssertion(() => Assert.Equal(2, history.FindAll("audio[data-testid=recording-player]").Count));
    }
}
