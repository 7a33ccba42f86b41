namespace CallCenter.Telephony.Recording;

/// <summary>A recording the catalogue has opened: its id and where the file goes.</summary>
/// <param name="RecordingId">The catalogue id.</param>
/// <param name="FilePath">The absolute path of the file to create (its folder may not exist yet).</param>
public sealed record RecordingTarget(Guid RecordingId, string FilePath);
