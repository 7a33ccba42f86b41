using CallCenter.Core.Hosting;
using CallCenter.Telephony.Hosting;
using CallCenter.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.AddCallCenterTelephony();
builder.AddCallCenterCore();
builder.AddCallCenterWeb();

var app = builder.Build();
await app.PrepareDatabaseAsync();
app.UseCallCenterWeb();

await app.RunAsync();

/// <summary>Exposed for WebApplicationFactory in the tests.</summary>
public partial class Program;
