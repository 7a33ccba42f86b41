using CallCenter.Telephony.Events;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CallCenter.Telephony.Recording;

/// <summary>Registers call recording.</summary>
public static class RecordingServiceCollectionExtensions
{
    /// <summary>
    /// <see cref="RecordingService"/> (singleton) with <see cref="RecordingOptions"/> bound from "CallCenter:Recording",
    /// the call event stream, and the default <see cref="IRecordingCatalog"/> (records nothing) unless the host
    /// registered its own (Core does, with Replace, whichever runs first).
    /// </summary>
    public static IServiceCollection AddCallCenterRecording(this IServiceCollection services)
    {
        services.AddOptions<RecordingOptions>().BindConfiguration(RecordingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<CallEventStream>();
        services.TryAddSingleton<IRecordingCatalog, NoRecordingCatalog>();
        services.TryAddSingleton<RecordingService>();
        return services;
    }
}
