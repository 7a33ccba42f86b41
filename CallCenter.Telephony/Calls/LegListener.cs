using CallCenter.Telephony.Audio;
using CallCenter.Telephony.Events;
using CallCenter.Telephony.Media;
using CallCenter.Telephony.Rtp;
using CallCenter.Telephony.Sdp;
using CallCenter.Telephony.Voicemail;

namespace CallCenter.Telephony.Calls;

/// <summary>
/// Listens to a leg that talks to the engine itself rather than to another party (a caller waiting in a queue,
/// leaving a voicemail, using a feature code): its key presses, RFC 4733 or in-band for a phone without
/// telephone-event, and, while a voicemail is recorded, its audio. Runs on the endpoint's receive loop.
/// </summary>
internal sealed class LegListener : IRtpPacketSink
{
    private readonly SdpNegotiatedAudio _audio;
    private readonly DtmfDetector _rfc4733 = new();
    private readonly InbandDtmfDetector? _inband;
    private readonly short[] _samples = new short[InbandDtmfDetector.MaxFrameSamples];
    private VoicemailWriter? _recorder;

    public LegListener(SdpNegotiatedAudio audio)
    {
        _audio = audio;
        _rfc4733.PayloadType = audio.TelephoneEventPayloadType ?? -1;
        _inband = audio.TelephoneEventPayloadType is null ? new InbandDtmfDetector() : null;
    }

    /// <summary>A key press (on the receive loop: handlers only queue).</summary>
    public event Action<char, DtmfMethod>? Digit;

    /// <summary>Starts (non-null) or stops (null) copying the leg's audio into a voicemail file.</summary>
    public VoicemailWriter? Recorder
    {
        get => Volatile.Read(ref _recorder);
        set => Volatile.Write(ref _recorder, value);
    }

    public void OnRtp(RtpEndpoint source, Span<byte> datagram, in RtpPacket packet)
    {
        if (_rfc4733.TryDetect(packet, out var pressed))
        {
            Digit?.Invoke(pressed, DtmfMethod.Rfc4733);
            return;
        }
        if (packet.PayloadType != _audio.PayloadType || packet.Payload.Length > _samples.Length)
        {
            return;
        }
        var samples = _samples.AsSpan(0, packet.Payload.Length);
        G711.Decode(_audio.Codec, packet.Payload, samples);
        Recorder?.Write(samples);
        if (_inband is not null && _inband.TryDetect(samples, out var tone))
        {
            Digit?.Invoke(tone, DtmfMethod.Inband);
        }
    }
}
