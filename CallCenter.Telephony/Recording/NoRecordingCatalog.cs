namespace CallCenter.Telephony.Recording;

/// <summary>The engine's default catalogue: no call is recorded until the host registers its own.</summary>
public sealed class NoRecordingCatalog : IRecordingCatalog
{
    /// <inheritdoc />
    public ValueTask<RecordingTarget?> BeginAsync(RecordingRequest request, CancellationToken cancellationToken) =>
        ValueTask.FromResult<RecordingTarget?>(null);

    /// <inheritdoc />
    public Task CompleteAsync(Guid recordingId, RecordingResult result, CancellationToken cancellationToken) => Task.CompletedTask;
}
