namespace CallCenter.Core.Telephony;

/// <summary>Where voicemail lives: DataDir/voicemail/yyyy/MM/dd/{id}.wav, stored relative to DataDir.</summary>
public static class VoicemailPaths
{
    /// <summary>
    /// The path relative to DataDir, with '/' whatever the platform (as <see cref="Services.Recordings.RecordingPaths"/>);
    /// the day is the server's local day of the message.
    /// </summary>
    public static string Relative(Guid messageId, DateTimeOffset localReceived) =>
        $"voicemail/{localReceived:yyyy}/{localReceived:MM}/{localReceived:dd}/{messageId}.wav";
}
