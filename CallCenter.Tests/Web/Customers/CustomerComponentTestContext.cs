using System.Security.Claims;

using Bunit;

using CallCenter.Core.Data;
using CallCenter.Core.Services.Agents;
using CallCenter.Core.Services.Customers;
using CallCenter.Core.Services.ServiceRecords;
using CallCenter.Tests.Core.Services.Customers;
using CallCenter.Tests.Support;
using CallCenter.Web.Hosting.Users;

using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

using MudBlazor;

namespace CallCenter.Tests.Web.Customers;

/// <summary>
/// bUnit set-up for the customer components and pages: the shared Web set-up (MudBlazor, zh-CN resources), the real
/// customer services over a private SQLite database (seeded through <see cref="Data"/>), the signed-in user service,
/// and a call-control API that only records what was dialled.
/// </summary>
public sealed class CustomerComponentTestContext : WebBunitContext
{
    private readonly CustomerTestHost _data = new();

    public CustomerComponentTestContext()
    {
        Services.AddHttpContextAccessor();
        Services.AddSingleton<IDbContextFactory<CallCenterDbContext>>(_data.Database);
        Services.AddSingleton(TimeProvider.System);
        Services.AddCallCenterCustomers();
        Services.AddSingleton<AgentLookupService>();
        Services.AddScoped<CurrentUserService>();
        var (api, log) = NoCallControl.Create();
        Services.AddSingleton(api);
        Dialled = log;
    }

    /// <summary>The database and its seeding helpers (the customer services there write with a fixed clock).</summary>
    public CustomerTestHost Data => _data;

    public NoCallControl Dialled { get; }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Signs in the account <paramref name="userId"/> (its agent, if it has one, is found by that id).</summary>
    public void SignIn(Guid userId, string userName, params string[] roles)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized(userName);
        auth.SetRoles(roles);
        auth.SetClaims(new Claim(ClaimTypes.Name, userName), new Claim(ClaimTypes.NameIdentifier, userId.ToString()));
        Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    /// <summary>The dialog provider (dialogs render into it), after <see cref="RenderWithProviders"/>.</summary>
    public IRenderedComponent<MudDialogProvider>? Dialogs { get; private set; }

    /// <summary>Renders the providers its selects, dialogs and snackbars need, as MainLayout does, then the component.</summary>
    public IRenderedComponent<TComponent> RenderWithProviders<TComponent>(Action<ComponentParameterCollectionBuilder<TComponent>>? parameters = null)
        where TComponent : IComponent
    {
        Render<MudPopoverProvider>();
        Dialogs = Render<MudDialogProvider>();
        Render<MudSnackbarProvider>();
        return Render(parameters);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _data.Dispose();
        }
    }
}
