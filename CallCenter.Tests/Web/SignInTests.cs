using System.Net;

using CallCenter.Core.Domain;
using CallCenter.Core.Services.Audit;
using CallCenter.Tests.Support;

using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Tests.Web;

[Collection(WebAppCollection.Name)]
public sealed class SignInTests(CallCenterWebFactory app)
{
    [Fact]
    public async Task RightPasswordSignsInAndGoesToTheLocalReturnUrl()
    {
        using var client = app.CreateBrowser();
        using var response = await CallCenterWebFactory.PostLoginAsync(client, CallCenterWebFactory.UserNameFor(Roles.Agent), CallCenterWebFactory.Password, "/access-denied?x=1");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/access-denied", Responses.LocationPath(response));

        using var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains(CallCenterWebFactory.UserNameFor(Roles.Agent), await home.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("//evil.example/")]
    [InlineData("http://evil.example/")]
    [InlineData("/\\evil.example")]
    public async Task ForeignReturnUrlGoesHomeInstead(string returnUrl)
    {
        using var client = app.CreateBrowser();
        using var response = await CallCenterWebFactory.PostLoginAsync(client, CallCenterWebFactory.UserNameFor(Roles.Agent), CallCenterWebFactory.Password, returnUrl);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", Responses.LocationPath(response));
        Assert.True(response.Headers.Location!.IsAbsoluteUri is false || response.Headers.Location.Host == client.BaseAddress!.Host);
    }

    [Fact]
    public async Task WrongPasswordShowsTheErrorOnThePage()
    {
        using var client = app.CreateBrowser();
        using var response = await CallCenterWebFactory.PostLoginAsync(client, CallCenterWebFactory.UserNameFor(Roles.Manager), "wrong-password");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("用户名或密码错误", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SignInsAndRefusalsAreAudited()
    {
        await app.CreateUserAsync("t-audited", Roles.Agent);
        using var client = app.CreateBrowser();
        using (await CallCenterWebFactory.PostLoginAsync(client, "t-audited", "wrong-password")) { }
        using (await CallCenterWebFactory.PostLoginAsync(client, "no-such-user", "whatever1A")) { }
        using (await CallCenterWebFactory.PostLoginAsync(client, "t-audited", CallCenterWebFactory.Password)) { }

        await using var scope = app.Services.CreateAsyncScope();
        var audit = scope.ServiceProvider.GetRequiredService<AuditService>();
        var mine = (await audit.QueryAsync(new AuditQuery { Actor = "t-audited" })).Items;
        Assert.Equal(["auth.sign-in", "auth.sign-in-failed"], mine.Select(e => e.Action).Order());
        Assert.All(mine, e => Assert.False(string.IsNullOrEmpty(e.RemoteAddress)));
        var unknown = Assert.Single((await audit.QueryAsync(new AuditQuery { Actor = "no-such-user" })).Items);
        Assert.Equal("wrong-user-or-password", unknown.Details);
    }

    [Fact]
    public async Task FiveWrongPasswordsLockTheAccountForFifteenMinutes()
    {
        await app.CreateUserAsync("t-lockout", Roles.Agent);
        using var client = app.CreateBrowser();
        for (var i = 1; i <= 4; i++)
        {
            using var wrong = await CallCenterWebFactory.PostLoginAsync(client, "t-lockout", "wrong-password");
            Assert.Contains("用户名或密码错误", await wrong.Content.ReadAsStringAsync());
        }

        using var fifth = await CallCenterWebFactory.PostLoginAsync(client, "t-lockout", "wrong-password");
        var page = await fifth.Content.ReadAsStringAsync();
        Assert.Contains("账户已锁定", page);
        Assert.Contains("15 分钟", page);

        using var right = await CallCenterWebFactory.PostLoginAsync(client, "t-lockout", CallCenterWebFactory.Password);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("账户已锁定", await right.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task DeactivatedUserCannotSignIn()
    {
        await app.CreateUserAsync("t-inactive", Roles.Agent, isActive: false);
        using var client = app.CreateBrowser();
        using var response = await CallCenterWebFactory.PostLoginAsync(client, "t-inactive", CallCenterWebFactory.Password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("该账户已停用", await response.Content.ReadAsStringAsync());
        using var home = await client.GetAsync("/");
        Assert.Equal("/login", Responses.LocationPath(home));
    }

    [Fact]
    public async Task SignOutIsAPostWithAntiforgeryThatEndsTheSession()
    {
        using var client = await app.CreateBrowserAsync(Roles.Supervisor);

        using var forged = await client.PostAsync("/account/logout", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        using (var stillIn = await client.GetAsync("/"))
        {
            Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
        }

        // The token must be issued to the signed-in user; any static form of the app carries one.
        var token = HtmlForms.AntiforgeryToken(await client.GetStringAsync("/login"));
        using var signOut = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal("/login", Responses.LocationPath(signOut));

        using var after = await client.GetAsync("/");
        Assert.Equal("/login", Responses.LocationPath(after));
    }
}
