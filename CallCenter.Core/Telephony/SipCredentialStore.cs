using System.Collections.Frozen;

using CallCenter.Core.Data;
using CallCenter.Telephony.Sip.Registrar;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CallCenter.Core.Telephony;

/// <summary>
/// The <see cref="ISipCredentialStore"/> port over the Agents table: the HA1 values of every active
/// agent, held as one in-memory snapshot and reloaded by one query at most every <see cref="Ttl"/>.
/// A REGISTER never waits on the database once the first snapshot is loaded (a stale snapshot is served
/// while a single reload runs), and unknown user names (scanners) cost no query at all. A changed SIP
/// password or a deactivated agent takes effect within <see cref="Ttl"/>, or at once after
/// <see cref="Invalidate"/>.
/// </summary>
public sealed partial class SipCredentialStore(
    IDbContextFactory<CallCenterDbContext> contextFactory,
    TimeProvider timeProvider,
    ILogger<SipCredentialStore> logger) : ISipCredentialStore
{
    /// <summary>How long a snapshot is served before it is reloaded.</summary>
    public static readonly TimeSpan Ttl = TimeSpan.FromSeconds(10);

    private readonly SemaphoreSlim _reload = new(1, 1);
    private volatile Snapshot? _snapshot;

    /// <inheritdoc />
    public async ValueTask<SipCredentials?> FindAsync(string user, string realm, CancellationToken cancellationToken)
    {
        var snapshot = _snapshot;
        if (snapshot is null)
        {
            await _reload.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                snapshot = _snapshot ?? await LoadAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _reload.Release();
            }
        }
        else if (timeProvider.GetUtcNow() - snapshot.LoadedAt > Ttl && _reload.Wait(0, CancellationToken.None))
        {
            // Stale-while-reloading: this request answers from the old snapshot, one reload runs.
            // Task.Run: SQLite "async" queries run synchronously, and this must not hold up the request.
            _ = Task.Run(ReloadInBackgroundAsync, CancellationToken.None);
        }
        return snapshot.Credentials.TryGetValue(user, out var credentials) && credentials.Realm == realm ? credentials : null;
    }

    /// <summary>Drops the snapshot: the next lookup reloads (call after changing an agent's SIP credentials).</summary>
    public void Invalidate() => _snapshot = null;

    // The caller holds _reload; it is released here.
    private async Task ReloadInBackgroundAsync()
    {
        try
        {
            await LoadAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogReloadFailed(logger, ex);
        }
        finally
        {
            _reload.Release();
        }
    }

    private async Task<Snapshot> LoadAsync(CancellationToken cancellationToken)
    {
        var loadedAt = timeProvider.GetUtcNow();
        var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var rows = await db.Agents.AsNoTracking()
                .Where(a => a.IsActive && a.Extension != "")
                .Select(a => new { a.Extension, a.SipRealm, a.SipHa1Md5, a.SipHa1Sha256 })
                .ToListAsync(cancellationToken)
                .ConfigureAwait(false);
            var credentials = rows
                .Select(a => new SipCredentials(a.Extension, a.SipRealm, a.SipHa1Md5, a.SipHa1Sha256))
                .ToFrozenDictionary(c => c.User, StringComparer.Ordinal);
            var snapshot = new Snapshot(credentials, loadedAt);
            _snapshot = snapshot;
            return snapshot;
        }
    }

    [LoggerMessage(EventId = 3201, Level = LogLevel.Error, Message = "Reloading SIP credentials failed; the previous snapshot stays in use")]
    private static partial void LogReloadFailed(ILogger logger, Exception exception);

    private sealed record Snapshot(FrozenDictionary<string, SipCredentials> Credentials, DateTimeOffset LoadedAt);
}
