using CallCenter.Core.Data;
using CallCenter.Core.Demo;
using CallCenter.Core.Options;
using CallCenter.Core.Services.Admin;
using CallCenter.Core.Services.Dashboard;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CallCenter.Core.Hosting;

public static class CoreServiceCollectionExtensions
{
    /// <summary>Registers the database (provider chosen by configuration), options and business services.</summary>
    public static IHostApplicationBuilder AddCallCenterCore(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<CallCenterOptions>().BindConfiguration(CallCenterOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        var options = builder.Configuration.GetSection(CallCenterOptions.Section).Get<CallCenterOptions>() ?? new CallCenterOptions();
        builder.Services.AddCallCenterDatabase(options, builder.Configuration.GetConnectionString("CallCenter"));
        builder.Services.AddCallCenterAdmin();
        builder.Services.AddScoped<DashboardSummaryService>();
        builder.Services.AddCallCenterDemo();
        return builder;
    }
}
