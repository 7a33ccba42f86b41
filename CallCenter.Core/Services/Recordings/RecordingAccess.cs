namespace CallCenter.Core.Services.Recordings;

/// <summary>The answer to a request to play a recording.</summary>
public enum RecordingAccess
{
    /// <summary>Allowed; the file is there.</summary>
    Granted,

    /// <summary>No such recording (or deleted, or its file is missing).</summary>
    NotFound,

    /// <summary>The recording exists but this user may not hear it.</summary>
    Forbidden,
}
