using CallCenter.Tests.Support;
using System.Globalization;
using Bunit;
using CallCenter.Core.Domain;
using CallCenter.Tests.Core.Services.Admin;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace CallCenter.Tests.Web.Admin;

/// <summary>
/// bUnit set-up for the admin pages: MudBlazor with JS interop in loose mode, the real localization
/// (zh-CN, the product's default), a signed-in admin, and the real admin services over a private
/// SQLite database.
/// </summary>
public sealed class AdminPageTestContext : BunitContext
{
    public AdminPageTestContext()
    {
        // Culture flows with the async calls the pages make, so the Chinese neutral resources are read.
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(o => o.SnackbarConfiguration.ShowTransitionDuration = 0);
        Services.AddLocalization(o => o.ResourcesPath = "Resources");
        Services.AddHttpContextAccessor();
        AdminTestHost.AddAdminServices(Services, Database);
        var authorization = AddAuthorization();
        authorization.SetAuthorized("admin");
        authorization.SetRoles(Roles.Admin);

        using var db = Database.CreateDbContext();
        foreach (var role in Roles.All)
        {
            db.Roles.Add(new AppRole(role) { NormalizedName = role.ToUpperInvariant() });
        }
        db.SaveChanges();
    }

    public SqliteTestDatabase Database { get; } = new();

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Renders a page under the providers its dialogs, popovers and snackbars need, as MainLayout does.</summary>
    public IRenderedComponent<ContainerFragment> RenderPage<TPage>()
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

    // MudBlazor's services are only IAsyncDisposable, so the context must be disposed asynchronously.
    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        Database.Dispose();
    }
}
