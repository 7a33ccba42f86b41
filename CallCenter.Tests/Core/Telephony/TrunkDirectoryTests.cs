using System.Net;

using CallCenter.Core.Domain;
using CallCenter.Core.Telephony;
using CallCenter.Telephony.Routing;

using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Tests.Core.Telephony;

public sealed class TrunkDirectoryTests
{
    [Fact]
    public async Task TrunksAreSelectedByLongestPrefixAndMatchedBySource()
    {
        var protection = new EphemeralDataProtectionProvider();
        using var database = new TempFileDatabase();
        using (var db = database.CreateDbContext())
        {
            db.Trunks.AddRange(
                new Trunk { Name = "carrier-a", Host = "203.0.113.10", OutboundPrefix = "0", AllowedSources = "198.51.100.0/24, 192.0.2.7",
                    Username = "acct", PasswordProtected = protection.CreateProtector(TrunkDirectory.PasswordPurpose).Protect("s3cret") },
                new Trunk { Name = "carrier-b", Host = "sip.example.net", OutboundPrefix = "00" },
                new Trunk { Name = "old", Host = "192.0.2.99", OutboundPrefix = "000", IsActive = false });
            db.SaveChanges();
        }
        var directory = new TrunkDirectory(database, new FakeTimeProvider(), NullLogger<TrunkDirectory>.Instance, protection);

        Assert.Equal(["carrier-a", "carrier-b"], (await directory.GetTrunksAsync(CancellationToken.None)).Select(t => t.Name));
        Assert.Equal("carrier-a", (await directory.SelectOutboundAsync("013800138000", CancellationToken.None))?.Name);
        Assert.Equal("carrier-b", (await directory.SelectOutboundAsync("0086123456", CancellationToken.None))?.Name);
        Assert.Null(await directory.SelectOutboundAsync("4001", CancellationToken.None));
        var a = await directory.MatchInboundAsync(IPAddress.Parse("198.51.100.42"), CancellationToken.None);
        Assert.Equal(("carrier-a", "acct", "s3cret"), (a?.Name, a?.Username, a?.Password));
        Assert.Equal("carrier-a", (await directory.MatchInboundAsync(IPAddress.Parse("192.0.2.7").MapToIPv6(), CancellationToken.None))?.Name);
        Assert.Equal("carrier-a", (await directory.MatchInboundAsync(IPAddress.Parse("203.0.113.10"), CancellationToken.None))?.Name);
        Assert.Null(await directory.MatchInboundAsync(IPAddress.Parse("192.0.2.99"), CancellationToken.None));
    }

    [Fact]
    public async Task AnAgentDiallingOutGoesThroughThePrefixedTrunk()
    {
        using var database = new TempFileDatabase();
        using (var db = database.CreateDbContext())
        {
            db.Trunks.Add(new Trunk { Name = "carrier-a", Host = "203.0.113.10", OutboundPrefix = "9" });
            db.SaveChanges();
        }
        var time = new FakeTimeProvider();
        var trunks = new TrunkDirectory(database, time, NullLogger<TrunkDirectory>.Instance);
        var plan = new DialPlan(database, trunks, time, NullLogger<DialPlan>.Instance);

        var target = await plan.ResolveAsync(new DialRequest("913800138000", "1001", CallerExtension: "1001"), CancellationToken.None);
        var fromOutside = await plan.ResolveAsync(new DialRequest("913800138000", "13900000000"), CancellationToken.None);

        Assert.Equal((RouteTargetKind.Trunk, "13800138000", "carrier-a"), (target.Kind, target.Key, target.Trunk?.Name));
        Assert.Equal(RouteTargetKind.NotFound, fromOutside.Kind);
    }
}
