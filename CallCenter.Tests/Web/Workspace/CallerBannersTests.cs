using Bunit;
using CallCenter.Telephony.Routing;
using CallCenter.Tests.Support;
using CallCenter.Web.Components.Pages.Workspace;

namespace CallCenter.Tests.Web.Workspace;

/// <summary>The screen pop's warnings and facts for known, unknown, VIP, malicious and blacklisted callers.</summary>
public sealed class CallerBannersTests : WebBunitContext
{
    [Fact]
    public void VipRepeatCallerShowsTheVipBannerTheRepeatCountsLocationAndCarrier()
    {
        var banners = Render<CallerBanners>(p => p.Add(b => b.Caller, new CallerInfo("13700137000")
        {
            CustomerId = Guid.CreateVersion7(),
            CustomerName = "李娜",
            IsVip = true,
            Location = "北京市",
            Carrier = "中国移动",
            CallsLast24Hours = 2,
            CallsLast7Days = 5,
        }));

        Assert.Equal("VIP 客户", banners.Find("[data-testid=pop-vip]").TextContent.Trim());
        Assert.Contains("24 小时内 2 次，7 天内 5 次", banners.Find("[data-testid=pop-repeat]").TextContent);
        Assert.Contains("北京市", banners.Find("[data-testid=pop-location]").TextContent);
        Assert.Contains("中国移动", banners.Find("[data-testid=pop-carrier]").TextContent);
        Assert.Empty(banners.FindAll("[data-testid=pop-malicious], [data-testid=pop-blacklisted]"));
    }

    [Fact]
    public void MaliciousAndBlacklistedCallersAreWarnedAbout()
    {
        var banners = Render<CallerBanners>(p => p.Add(b => b.Caller, new CallerInfo("13900139000") { IsMalicious = true, IsBlacklisted = true }));

        Assert.Contains("恶意来电", banners.Find("[data-testid=pop-malicious]").TextContent);
        Assert.Contains("黑名单", banners.Find("[data-testid=pop-blacklisted]").TextContent);
        Assert.Empty(banners.FindAll("[data-testid=pop-vip], [data-testid=pop-repeat]"));
    }

    [Fact]
    public void AFirstTimeUnknownCallerHasNoWarnings()
    {
        var banners = Render<CallerBanners>(p => p.Add(b => b.Caller, new CallerInfo("18600000000") { Location = "上海市" }));

        Assert.Empty(banners.FindAll("[data-testid=pop-vip], [data-testid=pop-repeat], [data-testid=pop-malicious], [data-testid=pop-blacklisted]"));
        Assert.Contains("上海市", banners.Find("[data-testid=pop-location]").TextContent);
    }
}
