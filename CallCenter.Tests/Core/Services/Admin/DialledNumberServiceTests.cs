using CallCenter.Core.Domain;
using CallCenter.Core.Services.Admin;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.Tests.Core.Services.Admin;

public sealed class DialledNumberServiceTests : IDisposable
{
    private readonly AdminTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task NumbersRouteToExistingQueueExtensionIvrOrEchoTest()
    {
        await _host.Queues.CreateAsync(new QueueEditModel { Name = "sales", DisplayName = "销售" }, AdminTestHost.Actor);
        await _host.CreateAgentAsync("agent01", "1001");
        await _host.AddIvrFlowAsync("main");

        Assert.True((await Create("4000", RouteTargetType.IvrFlow, "main")).Succeeded);
        Assert.True((await Create("4001", RouteTargetType.Queue, "sales")).Succeeded);
        Assert.True((await Create("4005", RouteTargetType.Extension, "1001")).Succeeded);
        Assert.True((await Create("9196", RouteTargetType.EchoTest, null)).Succeeded);

        Assert.Equal(["4000", "4001", "4005", "9196"], (await _host.Numbers.ListAsync()).Select(n => n.Number));
        await using var db = _host.Database.CreateDbContext();
        Assert.Equal(4, await db.AuditLog.CountAsync(e => e.Action == "number.create" && e.Actor == "admin"));
    }

    [Theory]
    [InlineData("40a1")]
    [InlineData("+864001")]
    public async Task NumberMustBeDigits(string number)
    {
        var result = await Create(number, RouteTargetType.EchoTest, null);
        Assert.Equal(AdminErrorCodes.NotDigits, result.Errors[nameof(DialledNumberEditModel.Number)]);
    }

    [Fact]
    public async Task DuplicateNumberIsRefused()
    {
        await Create("9196", RouteTargetType.EchoTest, null);
        var result = await Create("9196", RouteTargetType.EchoTest, null);
        Assert.Equal(AdminErrorCodes.Duplicate, result.Errors[nameof(DialledNumberEditModel.Number)]);
    }

    [Theory]
    [InlineData(RouteTargetType.Queue, "nosuchqueue")]
    [InlineData(RouteTargetType.Extension, "1999")]
    [InlineData(RouteTargetType.IvrFlow, "nosuchflow")]
    public async Task TargetThatDoesNotExistIsRefused(RouteTargetType type, string target)
    {
        var result = await Create("4001", type, target);
        Assert.Equal(AdminErrorCodes.TargetNotFound, result.Errors[nameof(DialledNumberEditModel.Target)]);
    }

    [Fact]
    public async Task SecondEditorOfANumberGetsConflict()
    {
        await Create("9196", RouteTargetType.EchoTest, null);
        var first = (await _host.Numbers.ListAsync()).Single();
        var second = (await _host.Numbers.ListAsync()).Single();
        first.Description = "回声测试";
        second.Description = "other";

        Assert.True((await _host.Numbers.UpdateAsync(first, AdminTestHost.Actor)).Succeeded);
        Assert.Equal(AdminResultStatus.Conflict, (await _host.Numbers.UpdateAsync(second, AdminTestHost.Actor)).Status);
        Assert.Equal("回声测试", (await _host.Numbers.ListAsync()).Single().Description);
    }

    private Task<AdminResult> Create(string number, RouteTargetType type, string? target) =>
        _host.Numbers.CreateAsync(new DialledNumberEditModel { Number = number, TargetType = type, Target = target }, AdminTestHost.Actor);
}
