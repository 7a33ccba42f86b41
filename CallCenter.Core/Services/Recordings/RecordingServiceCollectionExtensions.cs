using CallCenter.Core.Services.Admin;
using CallCenter.Core.Telephony;
using CallCenter.Telephony.Recording;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CallCenter.Core.Services.Recordings;

/// <summary>Registers Core's side of recording.</summary>
public static class RecordingServiceCollectionExtensions
{
    /// <summary>
    /// The <see cref="IRecordingCatalog"/> port (<see cref="RecordingCatalog"/>, replacing Telephony's default),
    /// the start-up <see cref="RecordingRecovery"/> and the <see cref="RecordingPlaybackService"/> (scoped, as the
    /// audit service is).
    /// </summary>
    public static IServiceCollection AddCallCenterRecordings(this IServiceCollection services)
    {
        services.AddCallCenterAdmin();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RecordingCatalog>();
        services.Replace(ServiceDescriptor.Singleton<IRecordingCatalog>(sp => sp.GetRequiredService<RecordingCatalog>()));
        services.TryAddSingleton<RecordingRecovery>();
        services.TryAddScoped<RecordingPlaybackService>();
        return services;
    }
}
