using CallCenter.Telephony.Media;
using CallCenter.Telephony.Rtp;
using CallCenter.Telephony.Sdp;

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CallCenter.Telephony.Audio;

/// <summary>
/// Listens to a bridge's audio for key presses sent as tones (phones and trunks without RFC 4733
/// telephone-events): each leg's G.711 payloads are decoded into a buffer of its own and fed to a detector
/// of its own. Runs on the legs' receive loops (<see cref="IMediaTap"/>): per packet a table lookup per
/// sample and a few Goertzel filters, no allocation and no lock (each leg has one loop). Packets of
/// another payload type than the leg's codec (comfort noise, RFC 3389) are ignored.
/// </summary>
public sealed partial class InbandDtmfTap : IMediaTap
{
    private readonly Leg _a;
    private readonly Leg _b;
    private readonly ILogger _logger;

    /// <summary>Creates a tap for a bridge whose legs use <paramref name="codecA"/> and <paramref name="codecB"/>.</summary>
    public InbandDtmfTap(AudioCodec codecA, AudioCodec codecB, InbandDtmfOptions? options = null, ILogger<InbandDtmfTap>? logger = null)
    {
        _a = new Leg(codecA, options);
        _b = new Leg(codecB, options);
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>
    /// A key press heard on a leg, once per press, about 30 ms after it started (the duration is how long it
    /// had lasted then). Raised on that leg's receive loop: handlers must return at once.
    /// </summary>
    public event EventHandler<DtmfEventArgs>? DigitDetected;

    /// <inheritdoc />
    public void OnAudio(MediaLeg from, in RtpPacket packet)
    {
        Leg leg = from == MediaLeg.A ? _a : _b;
        if (packet.PayloadType != (int)leg.Codec)
        {
            return;
        }
        ReadOnlySpan<byte> payload = packet.Payload;
        while (!payload.IsEmpty)
        {
            // G.711 is one byte per sample; packets longer than 20 ms go to the detector a frame at a time.
            ReadOnlySpan<byte> chunk = payload[..Math.Min(payload.Length, InbandDtmfDetector.MaxFrameSamples)];
            payload = payload[chunk.Length..];
            Span<short> samples = leg.Samples.AsSpan(0, chunk.Length);
            G711.Decode(leg.Codec, chunk, samples);
            if (leg.Detector.TryDetect(samples, out char digit, out int duration))
            {
                Raise(from, digit, duration);
            }
        }
    }

    private void Raise(MediaLeg from, char digit, int duration)
    {
        try
        {
            DigitDetected?.Invoke(this, new DtmfEventArgs(from, digit, duration));
        }
        catch (Exception ex)
        {
            // A tap must never throw into the receive loop (IMediaTap): a failing handler costs the digit, not the call.
            LogHandlerFailed(_logger, digit, from, ex);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "A handler of inband digit {Digit} on leg {Leg} failed")]
    private static partial void LogHandlerFailed(ILogger logger, char digit, MediaLeg leg, Exception exception);

    private sealed class Leg(AudioCodec codec, InbandDtmfOptions? options)
    {
        public AudioCodec Codec { get; } = codec;

        public InbandDtmfDetector Detector { get; } = new(options);

        public short[] Samples { get; } = new short[InbandDtmfDetector.MaxFrameSamples];
    }
}
