using CallCenter.Telephony.Rtp;

namespace CallCenter.Telephony.Media;

/// <summary>
/// Gets a look at the audio a <see cref="MediaBridge"/> relays (the recorder, later monitoring), before it is
/// rewritten and sent on. Called on the receiving leg's loop for every audio packet (not telephone-events):
/// an implementation copies what it needs into its own bounded hand-off and returns at once; it must never
/// block or throw, so the media path never waits for it.
/// </summary>
public interface IMediaTap
{
    /// <summary>One audio packet received on <paramref name="from"/>.</summary>
    void OnAudio(MediaLeg from, in RtpPacket packet);
}
