namespace CallCenter.Telephony.Media;

/// <summary>Settings of one <see cref="MediaBridge"/>.</summary>
public sealed record MediaBridgeOptions
{
    /// <summary>Silence on a leg after which <see cref="MediaBridge.MediaTimeout"/> is raised; <see cref="TimeSpan.Zero"/> turns it off.</summary>
    public TimeSpan MediaTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The telephone-event payload type negotiated on leg A (RFC 4733), or -1 for none.</summary>
    public int TelephoneEventPayloadTypeA { get; init; } = 101;

    /// <summary>The telephone-event payload type negotiated on leg B; events from A are relayed with it (and back).</summary>
    public int TelephoneEventPayloadTypeB { get; init; } = 101;
}
