using System.Net;
using System.Reflection;

using CallCenter.Core.Data;
using CallCenter.Core.Demo;
using CallCenter.Core.Domain;
using CallCenter.Tests.Recordings;
using CallCenter.Tests.Support;

using CallCenter.Web.Components.Pages.Customers;

using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Tests.Web;

/// <summary>
/// Every routable page and endpoint × anonymous and each role, against the table below. A new page fails
/// <see cref="EveryPageIsInTheTable"/> until its line is added here.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class AuthorizationMatrixTests(CallCenterWebFactory app)
{
    private const string Anyone = "(anyone, also anonymous)";
    private const string SignedIn = "(any signed-in user)";
    private const string Anonymous = "anonymous";

    // A page with a route parameter is requested at a real one (the demo's 张伟, so the page renders real data).
    private const string CustomerDetailTemplate = "/customers/{Id:guid}";

    // Before the tables: static fields are initialised in order.
    private static readonly string RecordingPath = $"/recordings/{RecordingSeed.MatrixRecordingId}";

    /// <summary>Page route → who may open it.</summary>
    private static readonly Dictionary<string, string> s_pages = new(StringComparer.OrdinalIgnoreCase)
    {
        ["/"] = SignedIn,
        ["/workspace"] = Roles.TakesCalls,
        ["/login"] = Anyone,
        ["/access-denied"] = Anyone,
        ["/not-found"] = Anyone,
        ["/Error"] = Anyone,
        ["/admin/users"] = Roles.AdminOrManager,
        ["/admin/groups"] = Roles.AdminOrManager,
        ["/admin/queues"] = Roles.AdminOrManager,
        ["/admin/numbers"] = Roles.AdminOrManager,
        ["/admin/audit"] = Roles.Admin,
        ["/customers"] = CustomerPages.Roles,
        ["/customers/new"] = CustomerPages.Roles,
        [CustomerDetailTemplate] = CustomerPages.Roles,
        ["/notices"] = SignedIn,
        // A notice nobody posted: every signed-in user gets the page, which says it does not exist.
        ["/notices/{NoticeId:guid}"] = SignedIn,
        ["/notices/manage"] = Roles.LeadersAndAbove,
        ["/work-records"] = Roles.Agent + "," + Roles.LeadersAndAbove,
    };

    /// <summary>Endpoints that are not Blazor pages.</summary>
    private static readonly Dictionary<string, string> s_endpoints = new(StringComparer.OrdinalIgnoreCase)
    {
        ["/hangfire"] = Roles.Admin,
        ["/healthz"] = Anyone,
        // Nobody's call: only the roles that may play any recording (an agent plays its own; RecordingEndpointTests).
        [RecordingPath] = Roles.LeadersAndAbove,
    };

    private static readonly string[] s_principals = [Anonymous, .. Roles.All];

    private static IReadOnlyList<string> RoutablePages()
    {
        return typeof(Program).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>())
            .Select(r => r.Template)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var path in s_pages.Keys.Concat(s_endpoints.Keys))
        {
            foreach (var principal in s_principals)
            {
                data.Add(path, principal);
            }
        }
        return data;
    }

    [Fact]
    public void EveryPageIsInTheTable()
    {
        var missing = RoutablePages().Where(p => !s_pages.ContainsKey(p)).ToList();
        Assert.True(missing.Count == 0, $"Add these pages to the authorization table: {string.Join(", ", missing)}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task OnlyTheAllowedRolesOpenIt(string path, string principal)
    {
        var allowed = s_pages.TryGetValue(path, out var pageRoles) ? pageRoles : s_endpoints[path];
        if (path == RecordingPath)
        {
            await RecordingSeed.AddAsync(app, agentId: null, RecordingSeed.MatrixRecordingId);
        }
        using var client = await app.CreateBrowserAsync(principal == Anonymous ? null : principal);

        using var response = await client.GetAsync(await ConcretePathAsync(path));

        if (IsAllowed(allowed, principal))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return;
        }
        if (path == RecordingPath && principal != Anonymous)
        {
            // An audio player is refused with a status, not sent to a page.
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            return;
        }
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var expected = principal == Anonymous ? "/login" : "/access-denied";
        Assert.Equal(expected, Responses.LocationPath(response));
    }

    // A route template made requestable: the customer page gets the demo customer 张伟 (it renders real data), any other
    // parameter ({id:guid}) a fixed value of its type.
    private async Task<string> ConcretePathAsync(string path)
    {
        if (path != CustomerDetailTemplate)
        {
            return System.Text.RegularExpressions.Regex.Replace(path, "{[^}]*}", "0194f5a0-0000-7000-8000-000000000001");
        }
        var contexts = app.Services.GetRequiredService<IDbContextFactory<CallCenterDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        var zhangWei = await db.CustomerPhones.Where(p => p.Number == DemoContract.ZhangWeiNumber).Select(p => p.CustomerId).FirstAsync();
        return CustomerPages.DetailPath(zhangWei);
    }

    private static bool IsAllowed(string allowed, string principal)
    {
        return allowed switch
        {
            Anyone => true,
            SignedIn => principal != Anonymous,
            _ => allowed.Split(',').Contains(principal),
        };
    }
}
