namespace CallCenter.Telephony.Voicemail;

/// <summary>
/// The voicemail port (自动留言; Core implements it over Voicemails and DataDir/voicemail). The engine records
/// the caller into the file <see cref="CreateAsync"/> names, then reports its length.
/// </summary>
public interface IVoicemailStore
{
    /// <summary>Registers a new message for <paramref name="box"/> and returns where to write it (absolute path, a .wav), or null when the box does not exist.</summary>
    ValueTask<VoicemailTicket?> CreateAsync(VoicemailBox box, Guid callId, string callerNumber, CancellationToken cancellationToken);

    /// <summary>The message is complete (or empty: <paramref name="duration"/> zero deletes it).</summary>
    ValueTask CompleteAsync(VoicemailTicket ticket, TimeSpan duration, CancellationToken cancellationToken);

    /// <summary>An extension's messages, new ones first, then heard ones, newest first within each.</summary>
    ValueTask<IReadOnlyList<VoicemailMessage>> ListAsync(string extension, CancellationToken cancellationToken);

    /// <summary>Marks a message heard.</summary>
    ValueTask MarkHeardAsync(Guid messageId, CancellationToken cancellationToken);
}

/// <summary>A voicemail box: a queue's or an extension's.</summary>
/// <param name="IsQueue">True for a queue's box.</param>
/// <param name="Key">The queue's name or the extension.</param>
public sealed record VoicemailBox(bool IsQueue, string Key);

/// <summary>A message being recorded.</summary>
/// <param name="MessageId">Its id in Core.</param>
/// <param name="FilePath">Where to write it.</param>
public sealed record VoicemailTicket(Guid MessageId, string FilePath);

/// <summary>A stored message.</summary>
/// <param name="MessageId">Its id.</param>
/// <param name="CallerNumber">Who left it.</param>
/// <param name="ReceivedAt">When.</param>
/// <param name="FilePath">The file (absolute path).</param>
/// <param name="IsNew">Not heard yet.</param>
public sealed record VoicemailMessage(Guid MessageId, string CallerNumber, DateTimeOffset ReceivedAt, string FilePath, bool IsNew);
