using CallCenter.Telephony.Audio;
using CallCenter.Telephony.Rtp;
using CallCenter.Telephony.Sdp;

namespace CallCenter.Telephony.Media.Mixing;

/// <summary>
/// What the mixer sends one participant: a stream of its own (SSRC, sequence number, timestamp advancing
/// by one frame per tick, RFC 3550 §5.1) that <see cref="RtpEndpoint.SendRewritten"/> then folds into the
/// endpoint's one outbound stream, so the peer hears the mix continue what it heard before (a bridge, a
/// prompt). One preallocated packet; used on the clock thread only.
/// </summary>
internal sealed class MixerOutput
{
    private readonly byte[] _packet = new byte[RtpPacket.FixedHeaderLength + FrameJitterBuffer.FrameSamples];
    private readonly AudioCodec _codec;
    private readonly uint _ssrc = RtpStreamRewriter.NewSsrc();
    private ushort _sequence = (ushort)Random.Shared.Next(0, ushort.MaxValue + 1);
    private uint _timestamp = (uint)Random.Shared.NextInt64(0, uint.MaxValue);
    private bool _started;
    private long _sent;

    public MixerOutput(AudioCodec codec)
    {
        _codec = codec;
    }

    /// <summary>Packets sent.</summary>
    public long Sent => Volatile.Read(ref _sent);

    /// <summary>Saturates <paramref name="mix"/> to 16 bits, encodes it and sends it out of <paramref name="endpoint"/>; returns the packet (valid until the next send).</summary>
    public ReadOnlySpan<byte> Send(RtpEndpoint endpoint, ReadOnlySpan<int> mix)
    {
        Span<byte> payload = _packet.AsSpan(RtpPacket.FixedHeaderLength);
        for (int i = 0; i < FrameJitterBuffer.FrameSamples; i++)
        {
            // Sums of loud talkers clip rather than wrap around (a wrap is a loud crack).
            var sample = (short)Math.Clamp(mix[i], short.MinValue, short.MaxValue);
            payload[i] = _codec == AudioCodec.Pcma ? G711.EncodeAlaw(sample) : G711.EncodeUlaw(sample);
        }
        // RFC 3551 §4.1: the marker flags the start of the stream.
        RtpPacket.WriteHeader(_packet, !_started, (int)_codec, _sequence, _timestamp, _ssrc);
        _started = true;
        _sequence++;
        _timestamp += FrameJitterBuffer.FrameSamples;
        RtpPacket.TryParse(_packet, out RtpPacket packet);
        endpoint.SendRewritten(_packet, packet);
        Volatile.Write(ref _sent, _sent + 1);
        return _packet;
    }
}
