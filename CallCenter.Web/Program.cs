using CallCenter.Core.Hosting;
using CallCenter.Telephony.Hosting;
using CallCenter.Web.Components;

var builder = WebApplication.CreateBuilder(args);

builder.AddCallCenterTelephony();
builder.AddCallCenterCore();
builder.Services.AddRazorComponents()
    .AddInteractiveServerComponents();

var app = builder.Build();
await app.Services.MigrateCallCenterDatabaseAsync();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
}
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseAntiforgery();

app.MapStaticAssets();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode();

await app.RunAsync();

/// <summary>Exposed for WebApplicationFactory in the tests.</summary>
public partial class Program;
