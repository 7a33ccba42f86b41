using CallCenter.Telephony.Hosting;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CallCenter.Telephony.Media;

/// <summary>Registers the media engine.</summary>
public static class MediaServiceCollectionExtensions
{
    /// <summary>
    /// The RTP port allocator, the one <see cref="MediaClock"/> of the process and the <see cref="IMediaFactory"/>
    /// (singletons), with <see cref="RtpOptions"/> bound from "CallCenter:Rtp".
    /// </summary>
    public static IServiceCollection AddMedia(this IServiceCollection services)
    {
        services.AddOptions<RtpOptions>().BindConfiguration(RtpOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SipOptions>();
        services.TryAddSingleton<RtpPortAllocator>();
        services.TryAddSingleton<MediaClock>();
        services.TryAddSingleton<IMediaFactory, MediaFactory>();
        return services;
    }
}
