namespace CallCenter.Tests.Media.Mixing;

/// <summary>One packet a <see cref="ConferencePhone"/> received, header fields and decoded audio.</summary>
internal sealed record ReceivedFrame(uint Ssrc, ushort Sequence, uint Timestamp, int PayloadType, bool Marker, short[] Samples);
