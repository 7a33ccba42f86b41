using CallCenter.Telephony.Media;

namespace CallCenter.Telephony.Calls;

public sealed partial class CallSession
{
    /// <summary>The echo of an echo-test call, on its own RTP endpoint (the media layer's <see cref="EchoEndpoint"/>).</summary>
    public EchoEndpoint? Echo { get; set; }

    /// <summary>Ends the call at the maximum duration.</summary>
    public ITimer? MaxDurationTimer { get; set; }

    /// <summary>True once a 180/183 was relayed (Ringing raised once).</summary>
    public bool RingingRaised { get; set; }
}
