using CallCenter.Core.Data;
using CallCenter.Core.Demo;
using CallCenter.Core.Options;
using CallCenter.Core.Services.Admin;
using CallCenter.Core.Services.Dashboard;
using CallCenter.Core.Services.Recordings;
using CallCenter.Core.Telephony;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CallCenter.Core.Hosting;

public static class CoreServiceCollectionExtensions
{
    /// <summary>Registers the database (provider chosen by configuration), options and business services.</summary>
    public static IHostApplicationBuilder AddCallCenterCore(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<CallCenterOptions>().BindConfiguration(CallCenterOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddCallCenterDatabase();
        builder.Services.AddCallCenterAdmin();
        builder.Services.AddScoped<DashboardSummaryService>();
        builder.Services.AddCallCenterDemo();
        builder.Services.AddCallCenterTelephonyAdapters();
        builder.Services.AddCallCenterRecordings();
        return builder;
    }
}
