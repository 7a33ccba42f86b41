using CallCenter.Telephony.Sdp;

namespace CallCenter.Telephony.Media.Mixing;

/// <summary>
/// One party in a <see cref="ConferenceMixer"/>: the handle <see cref="ConferenceMixer.Add"/> returns, to
/// change its role or remove it, and its counters. Counters may be read from any thread.
/// </summary>
public sealed class MixerParticipant
{
    private volatile MixerRole _role;
    private volatile MixerParticipant? _whisperTarget;

    internal MixerParticipant(ConferenceMixer mixer, RtpEndpoint endpoint, AudioCodec codec, int telephoneEventPayloadType, MixerRole role, MixerParticipant? whisperTarget)
    {
        Mixer = mixer;
        Endpoint = endpoint;
        Codec = codec;
        TelephoneEventPayloadType = telephoneEventPayloadType;
        _role = role;
        _whisperTarget = whisperTarget;
        Input = new MixerInput(mixer, this, telephoneEventPayloadType);
        Output = new MixerOutput(codec);
    }

    /// <summary>The call leg's endpoint (owned by the call, not by the mixer).</summary>
    public RtpEndpoint Endpoint { get; }

    /// <summary>The codec the mix is sent in (what was negotiated with this leg).</summary>
    public AudioCodec Codec { get; }

    /// <summary>The telephone-event payload type negotiated with this leg (RFC 4733 §7.1.1), or -1 for none.</summary>
    public int TelephoneEventPayloadType { get; }

    /// <summary>What the participant hears and who hears it.</summary>
    public MixerRole Role => _role;

    /// <summary>The one participant that hears a <see cref="MixerRole.Whisperer"/>; null for other roles.</summary>
    public MixerParticipant? WhisperTarget => _whisperTarget;

    /// <summary>Audio frames received from the participant.</summary>
    public long FramesReceived => Input.Buffer.Received;

    /// <summary>Frames of the participant's audio taken into the mix (one per tick at most).</summary>
    public long FramesMixed => Input.Buffer.Played;

    /// <summary>Frames dropped unplayed: pushed out of the full jitter buffer, or arrived after their turn or twice.</summary>
    public long FramesDropped => Input.Buffer.Dropped + Input.Buffer.Late;

    /// <summary>Ticks on which the participant contributed silence (it sent nothing, a packet was lost, or playout was starting).</summary>
    public long SilentFrames => Input.Buffer.Silent;

    /// <summary>Mixed packets sent to the participant.</summary>
    public long FramesSent => Output.Sent;

    internal ConferenceMixer Mixer { get; }

    internal MixerInput Input { get; }

    internal MixerOutput Output { get; }

    /// <summary>This tick's frame of the participant's audio (clock thread only).</summary>
    internal short[] Frame { get; } = new short[FrameJitterBuffer.FrameSamples];

    /// <summary>Whether <see cref="Frame"/> holds audio this tick, rather than silence.</summary>
    internal bool HasAudio { get; set; }

    /// <summary>Called under the mixer's lock, which a tick holds too: a tick sees both changes or neither.</summary>
    internal void SetRole(MixerRole role, MixerParticipant? whisperTarget)
    {
        _whisperTarget = whisperTarget;
        _role = role;
    }
}
