using CallCenter.Core.Data;
using CallCenter.Core.Demo;
using CallCenter.Core.Domain;
using CallCenter.Core.Options;
using CallCenter.Core.Telephony;
using CallCenter.Telephony.Routing;
using CallCenter.Tests.Core.Demo;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Tests.Core.Telephony;

[Collection(SeededDemoCollection.Name)]
public sealed class CallerIdentificationTests(SeededDemoFixture demo)
{
    [Fact]
    public async Task ZhangWeiIsHisCompanysCustomerWithAChineseLocationAndChinaMobile()
    {
        var caller = await NewIdentification(demo.Host).IdentifyAsync(DemoContract.ZhangWeiNumber, CancellationToken.None);

        Assert.Equal(DemoContract.ZhangWeiNumber, caller.Number);
        Assert.NotNull(caller.CustomerId);
        Assert.Equal(("张伟", DemoContract.ZhangWeiCompany), (caller.CustomerName, caller.Company));
        Assert.False(caller.IsVip);
        Assert.False(caller.IsMalicious);
        Assert.False(caller.IsBlacklisted);
        Assert.NotNull(caller.Location);
        Assert.Contains(caller.Location, IsChinese);
        Assert.Equal("中国移动", caller.Carrier);
        await using var db = demo.Host.CreateDbContext();
        var customerId = await db.CustomerPhones.Where(p => p.Number == DemoContract.ZhangWeiNumber).Select(p => p.CustomerId).SingleAsync();
        Assert.Equal(customerId, caller.CustomerId);
    }

    [Fact]
    public async Task AnUnknownMobileHasNoCustomerButItsLocationAndCarrier()
    {
        var caller = await NewIdentification(demo.Host).IdentifyAsync("18612345678", CancellationToken.None);

        Assert.Null(caller.CustomerId);
        Assert.Null(caller.CustomerName);
        Assert.NotNull(caller.Location);
        Assert.Contains(caller.Location, IsChinese);
        Assert.Equal("中国联通", caller.Carrier);
        Assert.Equal((0, 0), (caller.CallsLast24Hours, caller.CallsLast7Days));
    }

    [Fact]
    public async Task LiNaIsVip()
    {
        var caller = await NewIdentification(demo.Host).IdentifyAsync(DemoContract.LiNaNumber, CancellationToken.None);

        Assert.Equal("李娜", caller.CustomerName);
        Assert.True(caller.IsVip);
    }

    [Fact]
    public async Task TheBlacklistedNumberIsFlaggedAndAMaliciousCustomerIsMarked()
    {
        var identification = NewIdentification(demo.Host);
        await using var db = demo.Host.CreateDbContext();
        var maliciousNumber = await db.CustomerPhones.Where(p => p.Customer!.IsMalicious).Select(p => p.Number).FirstAsync();

        var blacklisted = await identification.IdentifyAsync(DemoContract.BlacklistedNumber, CancellationToken.None);
        var malicious = await identification.IdentifyAsync(maliciousNumber, CancellationToken.None);

        Assert.True(blacklisted.IsBlacklisted);
        Assert.Null(blacklisted.CustomerId);
        Assert.True(malicious.IsMalicious);
        Assert.False(malicious.IsBlacklisted);
    }

    [Fact]
    public async Task NamesFollowTheConfiguredCulture()
    {
        var caller = await NewIdentification(demo.Host, "en-US").IdentifyAsync(DemoContract.ZhangWeiNumber, CancellationToken.None);

        Assert.NotNull(caller.Location);
        Assert.DoesNotContain(caller.Location, IsChinese);
        Assert.Equal("China Mobile", caller.Carrier);
    }

    [Theory]
    [InlineData("anonymous")]
    [InlineData("1001")]
    [InlineData("")]
    public async Task SomethingThatIsNoPhoneNumberIsAnUnknownCallerWithoutLocation(string number)
    {
        var caller = await NewIdentification(demo.Host).IdentifyAsync(number, CancellationToken.None);

        Assert.Equal(number, caller.Number);
        Assert.Null(caller.CustomerId);
        Assert.Null(caller.Carrier);
    }

    [Fact]
    public async Task RepeatCallsCountFinishedCallsOfTheLastDayAndWeek()
    {
        using var database = new TempFileDatabase();
        var now = DemoTestHost.Now;
        const string number = "13312345678";
        using (var db = database.CreateDbContext())
        {
            db.Calls.AddRange(
                Call(number, now.AddHours(-1)),
                Call(number, now.AddHours(-23.9)),
                Call(number, now.AddHours(-24.1)),
                Call(number, now.AddDays(-6.9)),
                Call(number, now.AddDays(-7.1)),
                Call(number, now.AddSeconds(-5), ended: false), // the call being identified
                Call("13312345679", now.AddHours(-2)));
            db.SaveChanges();
        }

        var caller = await NewIdentification(database).IdentifyAsync(number, CancellationToken.None);

        Assert.Equal((2, 4), (caller.CallsLast24Hours, caller.CallsLast7Days));
    }

    private static bool IsChinese(char c) => c is >= '\u4e00' and <= '\u9fff';

    private static CallerIdentification NewIdentification(IDbContextFactory<CallCenterDbContext> factory, string culture = "zh-CN")
    {
        var time = new FakeTimeProvider(DemoTestHost.Now);
        var options = Microsoft.Extensions.Options.Options.Create(new CallCenterOptions { Ui = { Culture = culture } });
        var blacklist = new Blacklist(factory, time, NullLogger<Blacklist>.Instance);
        return new CallerIdentification(factory, blacklist, options, time, NullLogger<CallerIdentification>.Instance);
    }

    private static Call Call(string number, DateTimeOffset offeredAt, bool ended = true) => new()
    {
        CallerNumber = number,
        DialledNumber = "4001",
        OfferedAt = offeredAt,
        EndedAt = ended ? offeredAt.AddMinutes(2) : null,
        EndCause = ended ? "normal" : null,
    };
}
