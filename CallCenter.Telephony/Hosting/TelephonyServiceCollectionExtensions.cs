using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CallCenter.Telephony.Hosting;

public static class TelephonyServiceCollectionExtensions
{
    /// <summary>Registers the telephony engine's options and services.</summary>
    public static IHostApplicationBuilder AddCallCenterTelephony(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SipOptions>().BindConfiguration(SipOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<RtpOptions>().BindConfiguration(RtpOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return builder;
    }
}
