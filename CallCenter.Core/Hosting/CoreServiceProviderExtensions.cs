using CallCenter.Core.Data;
using CallCenter.Core.Services.Recordings;
using CallCenter.Core.Telephony;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Core.Hosting;

public static class CoreServiceProviderExtensions
{
    /// <summary>
    /// Applies pending migrations of the configured database (creating the SQLite file under
    /// CallCenter:DataDir), then closes the calls a previous run left open (<see cref="CallRecordRecovery"/>) and the agent
    /// states (<see cref="AgentStateRecovery"/>), and measures the recordings (<see cref="RecordingRecovery"/>) and voicemail
    /// (<see cref="VoicemailRecovery"/>) it left open.
    /// Call once after Build() and before the app serves or starts its listeners.
    /// </summary>
    public static async Task MigrateCallCenterDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken).ConfigureAwait(false);
        // Registered with the telephony adapters; a host with the database only has no calls to recover.
        var recovery = services.GetService<CallRecordRecovery>();
        if (recovery is not null)
        {
            await recovery.RecoverAsync(cancellationToken).ConfigureAwait(false);
        }
        var agentStates = services.GetService<AgentStateRecovery>();
        if (agentStates is not null)
        {
            await agentStates.RecoverAsync(cancellationToken).ConfigureAwait(false);
        }
        var recordings = services.GetService<RecordingRecovery>();
        if (recordings is not null)
        {
            await recordings.RecoverAsync(cancellationToken).ConfigureAwait(false);
        }
        var voicemail = services.GetService<VoicemailRecovery>();
        if (voicemail is not null)
        {
            await voicemail.RecoverAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
