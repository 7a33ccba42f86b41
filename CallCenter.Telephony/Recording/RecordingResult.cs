namespace CallCenter.Telephony.Recording;

/// <summary>What a completed recording holds.</summary>
/// <param name="Duration">The audio in the file, in whole 20 ms frames.</param>
/// <param name="SizeBytes">The file's size.</param>
/// <param name="DroppedPackets">Packets lost because the hand-off to the writer was full.</param>
/// <param name="LatePackets">Packets that came after their place on the timeline had been written.</param>
public sealed record RecordingResult(TimeSpan Duration, long SizeBytes, long DroppedPackets, long LatePackets)
{
    /// <summary>Nothing recorded (the file could not be written).</summary>
    public static RecordingResult Empty { get; } = new(TimeSpan.Zero, 0, 0, 0);
}
