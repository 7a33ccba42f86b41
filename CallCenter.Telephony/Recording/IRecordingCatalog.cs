namespace CallCenter.Telephony.Recording;

/// <summary>
/// The port through which the engine asks the business side about recordings: whether a call is
/// recorded (the rules per queue, agent and number) and where, and later what was recorded. Core
/// implements it over the database; the default records nothing.
/// </summary>
public interface IRecordingCatalog
{
    /// <summary>
    /// Decides whether the call is recorded (always when <see cref="RecordingRequest.Force"/>) and, when
    /// it is, catalogues the recording at once (so a crash leaves an entry for the partial file) and gives
    /// its id and file path; null when the call is not recorded. Called on the call's flow, not the media path.
    /// </summary>
    ValueTask<RecordingTarget?> BeginAsync(RecordingRequest request, CancellationToken cancellationToken);

    /// <summary>Records the outcome of a recording begun with <see cref="BeginAsync"/>.</summary>
    Task CompleteAsync(Guid recordingId, RecordingResult result, CancellationToken cancellationToken);
}
