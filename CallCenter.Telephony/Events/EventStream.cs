namespace CallCenter.Telephony.Events;

/// <summary>
/// A small typed event stream: publishers call <see cref="Publish"/>, subscribers get every event
/// published after they subscribed, synchronously on the publisher's thread, until they dispose the
/// subscription. A throwing subscriber does not stop the others (its exception is handed to
/// <see cref="SubscriberFailed"/>). Subscribers that need to do slow work queue it themselves.
/// </summary>
/// <typeparam name="TEvent">The event type.</typeparam>
public class EventStream<TEvent>
{
    private readonly Lock _gate = new();
    private Action<TEvent>[] _subscribers = [];

    /// <summary>Raised when a subscriber throws; the stream carries on.</summary>
    public event Action<Exception>? SubscriberFailed;

    /// <summary>Adds <paramref name="handler"/>; dispose the result to remove it.</summary>
    public IDisposable Subscribe(Action<TEvent> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        lock (_gate)
        {
            _subscribers = [.. _subscribers, handler];
        }
        return new Subscription(this, handler);
    }

    /// <summary>Hands <paramref name="item"/> to every current subscriber.</summary>
    public void Publish(TEvent item)
    {
        // Copy-on-write array: publishing takes no lock.
        foreach (var subscriber in Volatile.Read(ref _subscribers))
        {
            try
            {
                subscriber(item);
            }
            catch (Exception ex)
            {
                SubscriberFailed?.Invoke(ex);
            }
        }
    }

    private void Remove(Action<TEvent> handler)
    {
        lock (_gate)
        {
            var index = Array.IndexOf(_subscribers, handler);
            if (index >= 0)
            {
                _subscribers = [.. _subscribers[..index], .. _subscribers[(index + 1)..]];
            }
        }
    }

    private sealed class Subscription(EventStream<TEvent> stream, Action<TEvent> handler) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                stream.Remove(handler);
            }
        }
    }
}
