using System.Security.Claims;

using Bunit;

using CallCenter.Core.Services.Notices;
using CallCenter.Core.Services.WorkRecords;
using CallCenter.Tests.Support;
using CallCenter.Tests.Web.Admin;

using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

using MudBlazor;

namespace CallCenter.Tests.Web.Notices;

/// <summary>
/// bUnit for the notice and work-record pages: the shared Web set-up (MudBlazor, Chinese texts), the real services
/// over a private SQLite database on a test clock, and a signed-in user with its id (the pages look themselves up by it).
/// </summary>
public abstract class NoticeBunitContext : WebBunitContext
{
    protected NoticeBunitContext()
    {
        Clock = NoticeBunitServices.Add(Services, Database);
    }

    protected SqliteTestDatabase Database { get; } = new();

    protected FakeTimeProvider Clock { get; }

    protected NoticeService Notices => Services.GetRequiredService<NoticeService>();

    protected WorkRecordService WorkRecords => Services.GetRequiredService<WorkRecordService>();

    /// <summary>Signs in the user with this id, name and roles, on an interactive renderer (so live updates subscribe).</summary>
    protected void SignIn(Guid userId, string userName, params string[] roles)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized(userName);
        auth.SetRoles(roles);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, userId.ToString()), new Claim(ClaimTypes.Name, userName));
        Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    /// <summary>Renders a page under the providers its dialogs and snackbars need, as MainLayout does.</summary>
    protected IRenderedComponent<ContainerFragment> RenderPage<TPage>()
        where TPage : IComponent =>
        Render<ContainerFragment>(p => p.AddChildContent(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<MudDialogProvider>(1);
            builder.CloseComponent();
            builder.OpenComponent<MudSnackbarProvider>(2);
            builder.CloseComponent();
            builder.OpenComponent<TPage>(3);
            builder.CloseComponent();
        }));

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Database.Dispose();
        }
    }
}
