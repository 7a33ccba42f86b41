using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CallCenter.Telephony.Audio;

/// <summary>Registers prompts and tones.</summary>
public static class AudioServiceCollectionExtensions
{
    /// <summary>
    /// The <see cref="PromptLibrary"/> (a singleton: it holds the decoded prompts) with <see cref="PromptOptions"/>
    /// bound from "CallCenter:Media". Players and inband DTMF taps are made per call, not registered.
    /// </summary>
    public static IServiceCollection AddAudio(this IServiceCollection services)
    {
        services.AddOptions<PromptOptions>().BindConfiguration(PromptOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<PromptLibrary>();
        return services;
    }
}
