namespace CallCenter.Telephony.Voicemail;

/// <summary>The default until the host registers its own: no boxes (an overflow to voicemail becomes a message and hang-up).</summary>
public sealed class NoVoicemailStore : IVoicemailStore
{
    /// <inheritdoc />
    public ValueTask<VoicemailTicket?> CreateAsync(VoicemailBox box, Guid callId, string callerNumber, CancellationToken cancellationToken) =>
        ValueTask.FromResult<VoicemailTicket?>(null);

    /// <inheritdoc />
    public ValueTask CompleteAsync(VoicemailTicket ticket, TimeSpan duration, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<VoicemailMessage>> ListAsync(string extension, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<VoicemailMessage>>([]);

    /// <inheritdoc />
    public ValueTask MarkHeardAsync(Guid messageId, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
