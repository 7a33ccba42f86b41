using System.Net;

using CallCenter.Core.Domain;
using CallCenter.Tests.Support;

namespace CallCenter.Tests.Web;

[Collection(WebAppCollection.Name)]
public sealed class LanguageSwitchTests(CallCenterWebFactory app)
{
    [Fact]
    public async Task PagesAreChineseByDefault()
    {
        using var client = app.CreateBrowser();
        var page = await client.GetStringAsync("/login");
        Assert.Contains("<html lang=\"zh-CN\">", page);
        Assert.Contains("用户名", page);
    }

    [Fact]
    public async Task SwitchSetsTheCookieAndTheNextPageIsEnglish()
    {
        using var client = await app.CreateBrowserAsync(Roles.Admin);

        using var response = await client.GetAsync("/culture/set?culture=en&redirectUri=%2F");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", Responses.LocationPath(response));
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=c%3Den%7Cuic%3Den", StringComparison.Ordinal));

        var home = await client.GetStringAsync("/");
        Assert.Contains("<html lang=\"en\">", home);
        Assert.Contains("Welcome, t-admin", home);
        Assert.Contains("Active agents", home);
        Assert.DoesNotContain("在用坐席", home);

        using var back = await client.GetAsync("/culture/set?culture=zh-CN&redirectUri=%2F");
        Assert.Contains("欢迎，t-admin", await client.GetStringAsync("/"));
    }

    [Fact]
    public async Task SwitchIgnoresUnknownCulturesAndForeignRedirects()
    {
        using var client = app.CreateBrowser();
        using var response = await client.GetAsync("/culture/set?culture=xx&redirectUri=%2F%2Fevil.example");
        Assert.Equal("/", Responses.LocationPath(response));
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }
}
