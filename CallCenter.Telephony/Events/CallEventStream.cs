namespace CallCenter.Telephony.Events;

/// <summary>
/// The engine's call events (a singleton). The B2BUA publishes, Core's call-record writer and the web
/// pages subscribe. <see cref="EventStream{TEvent}.Publish"/> runs every subscriber synchronously on the
/// publisher's thread and takes no lock, so a subscriber must only queue (never block or touch the
/// database); one call's events reach each subscriber in the order they were published, as long as
/// the engine publishes one call's events from one logical flow at a time (it does: each call is driven
/// by its own serialised state machine).
/// </summary>
public sealed class CallEventStream : EventStream<CallEvent>
{
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the stream on <paramref name="timeProvider"/>, the clock of the event timestamps.</summary>
    public CallEventStream(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
    }

    /// <summary>The current time on the engine's clock, for <see cref="CallEvent.At"/>.</summary>
    public DateTimeOffset Now => _timeProvider.GetUtcNow();

    /// <summary>A new call id: a GUID v7 stamped with the engine's clock, so ids sort by offer time.</summary>
    public Guid NewCallId() => Guid.CreateVersion7(_timeProvider.GetUtcNow());

    /// <summary>A new leg id (GUID v7), for <see cref="LegStarted.LegId"/>.</summary>
    public Guid NewLegId() => Guid.CreateVersion7(_timeProvider.GetUtcNow());
}
