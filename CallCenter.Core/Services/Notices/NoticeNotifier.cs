using Microsoft.Extensions.Logging;

namespace CallCenter.Core.Services.Notices;

/// <summary>
/// Tells open pages that notices changed (created, updated, expired, read), so inboxes and unread badges refresh
/// at once instead of polling. A singleton: every circuit subscribes after its first render and disposes the
/// subscription with its component; handlers marshal to their renderer themselves (InvokeAsync).
/// </summary>
public sealed partial class NoticeNotifier(ILogger<NoticeNotifier> logger)
{
    private readonly Lock _gate = new();
    private Func<NoticeChange, Task>[] _handlers = [];

    /// <summary>Calls <paramref name="handler"/> after every change until the returned subscription is disposed.</summary>
    public IDisposable Subscribe(Func<NoticeChange, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        lock (_gate)
        {
            _handlers = [.. _handlers, handler];
        }
        return new Subscription(this, handler);
    }

    /// <summary>Announces a change to every subscriber; one failing subscriber (a closed circuit) does not stop the others.</summary>
    public async Task NotifyAsync(NoticeChange change)
    {
        var handlers = Volatile.Read(ref _handlers);
        var tasks = new Task[handlers.Length];
        for (var i = 0; i < handlers.Length; i++)
        {
            tasks[i] = InvokeAsync(handlers[i], change);
        }
        await Task.WhenAll(tasks).ConfigureAwait(false);
    }

    private async Task InvokeAsync(Func<NoticeChange, Task> handler, NoticeChange change)
    {
        try
        {
            await handler(change).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogSubscriberFailed(e, change.NoticeId, change.Kind);
        }
    }

    private void Unsubscribe(Func<NoticeChange, Task> handler)
    {
        lock (_gate)
        {
            _handlers = _handlers.Where(h => h != handler).ToArray();
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "A notice subscriber failed on {NoticeId} {Kind}")]
    private partial void LogSubscriberFailed(Exception exception, Guid noticeId, NoticeChangeKind kind);

    private sealed class Subscription(NoticeNotifier owner, Func<NoticeChange, Task> handler) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Unsubscribe(handler);
            }
        }
    }
}
