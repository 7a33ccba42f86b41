using CallCenter.Core.Data;
using CallCenter.Core.Demo;
using CallCenter.Core.Options;
using CallCenter.Core.Services.Admin;
using CallCenter.Core.Services.Agents;
using CallCenter.Core.Services.Customers;
using CallCenter.Core.Services.Dashboard;
using CallCenter.Core.Services.Notices;
using CallCenter.Core.Services.Recordings;
using CallCenter.Core.Services.WorkRecords;
using CallCenter.Core.Services.Workspace;
using CallCenter.Core.Telephony;
using CallCenter.Telephony.Audio;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

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
        builder.Services.AddSingleton<AgentLookupService>();
        builder.Services.AddSingleton<CallDispositionService>();
        builder.Services.AddCallCenterDemo();
        builder.Services.AddCallCenterTelephonyAdapters();
        builder.Services.AddCallCenterRecordings();
        builder.Services.AddCallCenterCustomers();
        builder.Services.AddCallCenterNotices();
        builder.Services.AddCallCenterWorkRecords();
        // Prompts (music on hold, announcements) live in DataDir/prompts unless configured elsewhere.
        builder.Services.AddOptions<PromptOptions>().PostConfigure<IOptions<CallCenterOptions>>((prompts, callCenter) =>
        {
            if (string.IsNullOrEmpty(prompts.Directory))
            {
                prompts.Directory = Path.Combine(Path.GetFullPath(callCenter.Value.DataDir), "prompts");
            }
        });
        return builder;
    }
}
