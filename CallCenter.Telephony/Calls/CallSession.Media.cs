using CallCenter.Telephony.Media;

namespace CallCenter.Telephony.Calls;

public sealed partial class CallSession
{
    private readonly object _mediaGate = new();
    private MediaBridge? _bridge;
    private bool _mediaDisposed;

    /// <summary>The echo of an echo-test call, on its own RTP endpoint (the media layer's <see cref="EchoEndpoint"/>).</summary>
    public EchoEndpoint? Echo { get; set; }

    /// <summary>Ends the call at the maximum duration.</summary>
    public ITimer? MaxDurationTimer { get; set; }

    /// <summary>True once a 180/183 was relayed (Ringing raised once).</summary>
    public bool RingingRaised { get; set; }

    /// <summary>The bridge between the legs' anchored endpoints, once started.</summary>
    public MediaBridge? Bridge
    {
        get
        {
            lock (_mediaGate)
            {
                return _bridge;
            }
        }
    }

    /// <summary>
    /// Creates and starts the bridge once (at the callee's early media or answer); false when it runs already
    /// or the call's media is gone (the call ended meanwhile).
    /// </summary>
    public bool TryStartBridge(Func<MediaBridge> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        lock (_mediaGate)
        {
            if (_bridge is not null || _mediaDisposed)
            {
                return false;
            }
            _bridge = create();
            _bridge.Start();
            return true;
        }
    }

    /// <summary>
    /// Replaces whatever relays the call's media now with <paramref name="create"/>'s bridge (started), or with
    /// nothing (null: the legs' endpoints are detached, e.g. while one is held or consulting); false when the
    /// call's media is gone.
    /// </summary>
    public bool ReplaceBridge(Func<MediaBridge?>? create)
    {
        lock (_mediaGate)
        {
            if (_mediaDisposed)
            {
                return false;
            }
            _bridge?.Dispose();
            DisposeMixer();
            _bridge = create?.Invoke();
            if (_bridge is not null)
            {
                // The bridge's own tap (inband DTMF) first; the recorder joins it.
                _bridge.Tap = MediaTaps.Combine(_bridge.Tap, _recorder);
                _bridge.Start();
            }
            return true;
        }
    }

    // The bridge first (it stops relaying), then the endpoints, whose ports go back to the allocator.
    private void DisposeMedia()
    {
        lock (_mediaGate)
        {
            _mediaDisposed = true;
            DisposePlayers();
            DisposeMixer();
            _bridge?.Dispose();
            foreach (var leg in Legs)
            {
                leg.Media?.Dispose();
            }
            // The caller's media exists before its LegStarted is published only in a failed set-up.
            Caller.Media?.Dispose();
        }
        Echo?.Dispose();
        Echo?.Endpoint.Dispose();
    }
}
