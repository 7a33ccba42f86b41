namespace CallCenter.Core.Services.Recordings;

/// <summary>Where recordings live: DataDir/recordings/yyyy/MM/dd/{id}.ogg, stored relative to DataDir.</summary>
public static class RecordingPaths
{
    /// <summary>The catalogue's Format of the files the recorder writes.</summary>
    public const string OggOpus = "ogg-opus";

    /// <summary>
    /// The path relative to DataDir, with '/' whatever the platform (the row stays valid when the data moves
    /// between Windows and Linux). The day is the server's local day: people look for a call by the date they
    /// took it.
    /// </summary>
    public static string Relative(Guid recordingId, DateTimeOffset localStart) =>
        $"recordings/{localStart:yyyy}/{localStart:MM}/{localStart:dd}/{recordingId}.ogg";

    /// <summary>The absolute path of a catalogue path, or null when it would lie outside DataDir.</summary>
    public static string? Absolute(string dataDir, string relativePath)
    {
        if (string.IsNullOrWhiteSpace(relativePath))
        {
            return null;
        }
        var root = Path.GetFullPath(dataDir);
        var full = Path.GetFullPath(Path.Combine(root, relativePath));
        // A catalogue row must never make the server read (or serve) a file outside DataDir.
        return full.StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? full : null;
    }
}
