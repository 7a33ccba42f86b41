using System.Collections.Concurrent;

using CallCenter.Telephony.Recording;

namespace CallCenter.Tests.Calls.Control;

/// <summary>
/// The recording port as a Telephony-only host fills it: every call is recorded, into a file of its own in a temp
/// folder; what the engine reports at the end is kept for the test. (The port's contract, not a stand-in for a peer:
/// Core's catalogue does the same over the database and the rules.)
/// </summary>
internal sealed class TempFolderRecordingCatalog : IRecordingCatalog, IDisposable
{
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource<RecordingResult>> _completed = new();
    private readonly ConcurrentDictionary<Guid, RecordingRequest> _requests = new();

    public string Folder { get; } = Directory.CreateTempSubdirectory("cc-recordings-").FullName;

    public ValueTask<RecordingTarget?> BeginAsync(RecordingRequest request, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid();
        _requests[id] = request;
        _completed[id] = new TaskCompletionSource<RecordingResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        // A folder that does not exist yet, as the port allows: the engine creates it.
        var path = Path.Combine(Folder, request.CallId.ToString("N"), $"{id:N}.opus");
        return ValueTask.FromResult<RecordingTarget?>(new RecordingTarget(id, path));
    }

    public Task CompleteAsync(Guid recordingId, RecordingResult result, CancellationToken cancellationToken)
    {
        _completed[recordingId].TrySetResult(result);
        return Task.CompletedTask;
    }

    /// <summary>The one recording begun for <paramref name="callId"/>: its file, and what the engine reported once it completed.</summary>
    public async Task<(string Path, RecordingRequest Request, RecordingResult Result)> CompletedAsync(Guid callId, TimeSpan limit)
    {
        var (id, request) = Assert.Single(_requests, r => r.Value.CallId == callId);
        var result = await _completed[id].Task.WaitAsync(limit);
        return (Path.Combine(Folder, callId.ToString("N"), $"{id:N}.opus"), request, result);
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
