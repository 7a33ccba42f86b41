using CallCenter.Core.Data;
using CallCenter.Core.Demo;
using CallCenter.Core.Telephony;
using CallCenter.Telephony.Routing;
using CallCenter.Tests.Core.Demo;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Tests.Core.Telephony;

[Collection(SeededDemoCollection.Name)]
public sealed class DialPlanTests(SeededDemoFixture demo)
{
    private readonly FakeTimeProvider _time = new(DemoTestHost.Now);

    [Theory]
    [InlineData("4000", RouteTargetKind.IvrFlow)]
    [InlineData("4001", RouteTargetKind.Queue)]
    [InlineData("4002", RouteTargetKind.Queue)]
    [InlineData("4003", RouteTargetKind.InfoService)]
    [InlineData("4004", RouteTargetKind.Queue)]
    [InlineData("9196", RouteTargetKind.EchoTest)]
    [InlineData("1001", RouteTargetKind.Extension)]
    [InlineData("5555", RouteTargetKind.NotFound)]
    public async Task DemoNumbersResolveToTheirTargets(string number, RouteTargetKind kind)
    {
        var plan = NewPlan(new CountingFactory(demo.Host));

        var target = await plan.ResolveAsync(new DialRequest(number, "13800138000"), CancellationToken.None);

        Assert.Equal(kind, target.Kind);
        var configured = DemoContract.Numbers.Where(n => n.Number == number).Select(n => n.Target).FirstOrDefault();
        Assert.Equal(kind == RouteTargetKind.Extension ? number : configured, target.Key);
    }

    [Fact]
    public async Task OnlyTheFirstCallQueriesTheDatabase()
    {
        var factory = new CountingFactory(demo.Host);
        var plan = NewPlan(factory);

        foreach (var number in new[] { "4001", "9196", "1001", "5555", "4003" })
        {
            for (var i = 0; i < 100; i++)
            {
                await plan.ResolveAsync(new DialRequest(number, "13800138000"), CancellationToken.None);
            }
        }

        Assert.Equal(1, factory.Created);
        plan.Invalidate();
        await plan.ResolveAsync(new DialRequest("4001", "13800138000"), CancellationToken.None);
        Assert.Equal(2, factory.Created);
    }

    private DialPlan NewPlan(IDbContextFactory<CallCenterDbContext> factory) =>
        new(factory, new EmptyTrunkDirectory(), _time, NullLogger<DialPlan>.Instance);

    private sealed class CountingFactory(IDbContextFactory<CallCenterDbContext> inner) : IDbContextFactory<CallCenterDbContext>
    {
        private int _created;

        public int Created => Volatile.Read(ref _created);

        public CallCenterDbContext CreateDbContext()
        {
            Interlocked.Increment(ref _created);
            return inner.CreateDbContext();
        }
    }
}
