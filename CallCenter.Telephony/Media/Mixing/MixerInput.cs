using CallCenter.Telephony.Rtp;
using CallCenter.Telephony.Sdp;

namespace CallCenter.Telephony.Media.Mixing;

/// <summary>
/// The sink a participant's endpoint is attached to while it is in the mixer: G.711 audio goes into the
/// participant's <see cref="FrameJitterBuffer"/>; RFC 4733 telephone-events are not mixed (a tone burst in
/// the others' ears would be both noise and a way to leak the digits) but reported once per key press.
/// Runs on the endpoint's receive loop; allocates nothing per packet.
/// </summary>
internal sealed class MixerInput(ConferenceMixer mixer, MixerParticipant participant, int telephoneEventPayloadType) : IRtpPacketSink
{
    private readonly DtmfDetector _dtmf = new() { PayloadType = telephoneEventPayloadType };
    private long _ignored;

    /// <summary>The ring the clock reads from.</summary>
    public FrameJitterBuffer Buffer { get; } = new();

    /// <summary>Packets neither G.711 nor telephone-events (comfort noise, RFC 3389, and others).</summary>
    public long Ignored => Interlocked.Read(ref _ignored);

    public void OnRtp(RtpEndpoint source, Span<byte> datagram, in RtpPacket packet)
    {
        int payloadType = packet.PayloadType;
        if (payloadType == telephoneEventPayloadType)
        {
            if (_dtmf.TryDetect(packet, out char digit))
            {
                int duration = TelephoneEvent.TryParse(packet.Payload, out TelephoneEvent e) ? e.Duration : 0;
                mixer.OnDtmf(participant, digit, duration);
            }
            return;
        }
        if (payloadType is (int)AudioCodec.Pcmu or (int)AudioCodec.Pcma)
        {
            // Decoded by what the packet says it is: a phone may answer an offer of both with either.
            Buffer.Write(packet.Ssrc, packet.SequenceNumber, (AudioCodec)payloadType, packet.Payload);
            mixer.TapOf(participant)?.OnAudio(MediaLeg.A, packet);
            return;
        }
        // Comfort noise and the like: the ring runs dry and plays silence in its place.
        Interlocked.Increment(ref _ignored);
    }
}
