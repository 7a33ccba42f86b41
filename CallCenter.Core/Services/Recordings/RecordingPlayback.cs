namespace CallCenter.Core.Services.Recordings;

/// <summary>The outcome of <see cref="RecordingPlaybackService.OpenAsync"/>.</summary>
/// <param name="Access">Granted, not found or forbidden.</param>
/// <param name="FilePath">The absolute path of the file when granted.</param>
/// <param name="Format">The catalogue's format (e.g. "ogg-opus") when granted.</param>
public sealed record RecordingPlayback(RecordingAccess Access, string? FilePath = null, string? Format = null);
