using CallCenter.Telephony.Media;

namespace CallCenter.Telephony.Recording;

/// <summary>
/// One audio packet copied off the media path for the recorder's writer: the RTP fields that place it
/// on the timeline, when it arrived, and its payload in a buffer rented from the shared pool (the writer
/// returns it).
/// </summary>
internal readonly record struct RecordedPacket(MediaLeg Leg, uint Ssrc, uint Timestamp, long ArrivalTimestamp, byte[] Buffer, int Length);
