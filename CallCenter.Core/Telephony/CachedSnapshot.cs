namespace CallCenter.Core.Telephony;

/// <summary>
/// One in-memory snapshot of database rows for a port on the SIP path, loaded once and reloaded at most
/// every TTL: the first caller waits for the load, later callers are served the current snapshot, and a
/// stale one keeps being served while a single background reload runs (stale-while-reloading), so a
/// request never waits on the database after the first. <see cref="Invalidate"/> makes the next caller
/// wait for a fresh load (after an admin change).
/// </summary>
/// <typeparam name="T">The snapshot.</typeparam>
internal sealed class CachedSnapshot<T>(
    Func<CancellationToken, Task<T>> load,
    TimeProvider timeProvider,
    TimeSpan ttl,
    Action<Exception> reloadFailed) where T : class
{
    private readonly SemaphoreSlim _reload = new(1, 1);
    private volatile Entry? _entry;

    /// <summary>The current snapshot, loading it when there is none.</summary>
    public async ValueTask<T> GetAsync(CancellationToken cancellationToken)
    {
        var entry = _entry;
        if (entry is null)
        {
            await _reload.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                entry = _entry ?? await LoadAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _reload.Release();
            }
        }
        else if (timeProvider.GetUtcNow() - entry.LoadedAt > ttl && _reload.Wait(0, CancellationToken.None))
        {
            // Task.Run: SQLite "async" queries run synchronously, and this must not hold up the request.
            _ = Task.Run(ReloadInBackgroundAsync, CancellationToken.None);
        }
        return entry.Value;
    }

    /// <summary>Drops the snapshot: the next caller loads a fresh one.</summary>
    public void Invalidate() => _entry = null;

    // The caller holds _reload; it is released here.
    private async Task ReloadInBackgroundAsync()
    {
        try
        {
            await LoadAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            reloadFailed(ex);
        }
        finally
        {
            _reload.Release();
        }
    }

    private async Task<Entry> LoadAsync(CancellationToken cancellationToken)
    {
        var loadedAt = timeProvider.GetUtcNow();
        var entry = new Entry(await load(cancellationToken).ConfigureAwait(false), loadedAt);
        _entry = entry;
        return entry;
    }

    private sealed record Entry(T Value, DateTimeOffset LoadedAt);
}
