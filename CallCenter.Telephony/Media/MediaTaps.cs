using CallCenter.Telephony.Rtp;

namespace CallCenter.Telephony.Media;

/// <summary>Joins two taps into one for a bridge's single <see cref="MediaBridge.Tap"/> slot (the recorder and inband DTMF detection).</summary>
public static class MediaTaps
{
    /// <summary>Both taps, either one when the other is null, or null.</summary>
    public static IMediaTap? Combine(IMediaTap? first, IMediaTap? second) =>
        first is null ? second : second is null ? first : new Pair(first, second);

    private sealed class Pair(IMediaTap first, IMediaTap second) : IMediaTap
    {
        public void OnAudio(MediaLeg from, in RtpPacket packet)
        {
            first.OnAudio(from, packet);
            second.OnAudio(from, packet);
        }
    }
}
