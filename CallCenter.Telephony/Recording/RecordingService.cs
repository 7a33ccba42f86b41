using CallCenter.Telephony.Events;
using CallCenter.Telephony.Sdp;

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallCenter.Telephony.Recording;

/// <summary>
/// Starts the recording of a bridged call when the <see cref="IRecordingCatalog"/> says so. The B2BUA calls
/// <see cref="StartAsync"/> once the bridge is up (and again with <see cref="RecordingRequest.Force"/> for an
/// on-demand start of a call the rules left out), sets the returned recorder as the bridge's tap, and at
/// the call's end awaits <see cref="CallRecorder.CompleteAsync"/> (which reports duration and size to the
/// catalogue). An on-demand stop/start of a call being recorded is <see cref="CallRecorder.Pause"/>/<see cref="CallRecorder.Resume"/>.
/// </summary>
public sealed partial class RecordingService(
    IRecordingCatalog catalog,
    CallEventStream events,
    IOptions<RecordingOptions> options,
    TimeProvider timeProvider,
    ILoggerFactory loggerFactory)
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<RecordingService>();

    /// <summary>
    /// Asks the catalogue and, when the call is recorded, creates its file and recorder and publishes
    /// <see cref="RecordingStarted"/> on the call's event stream (call it from the call's own flow, so the
    /// event keeps its place among the call's events). Null when the call is not recorded or its file
    /// could not be created (logged; the catalogue is told the recording is empty).
    /// </summary>
    /// <param name="request">The call.</param>
    /// <param name="codecA">The codec of leg A (the customer): left channel.</param>
    /// <param name="codecB">The codec of leg B (the agent): right channel.</param>
    /// <param name="cancellationToken">Cancels asking the catalogue.</param>
    public async Task<CallRecorder?> StartAsync(RecordingRequest request, AudioCodec codecA, AudioCodec codecB, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!options.Value.Enabled && !request.Force)
        {
            return null;
        }
        var target = await catalog.BeginAsync(request, cancellationToken).ConfigureAwait(false);
        if (target is null)
        {
            return null;
        }
        CallRecorder recorder;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target.FilePath)!);
            recorder = new CallRecorder(target.FilePath, codecA, codecB, options.Value, timeProvider, _logger)
            {
                RecordingId = target.RecordingId,
                Completed = (result, token) =>
                {
                    if (result.DroppedPackets > 0)
                    {
                        LogDropped(_logger, target.RecordingId, result.DroppedPackets);
                    }
                    return catalog.CompleteAsync(target.RecordingId, result, token);
                },
            };
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogCreateFailed(_logger, request.CallId, target.FilePath, ex);
            await catalog.CompleteAsync(target.RecordingId, RecordingResult.Empty, cancellationToken).ConfigureAwait(false);
            return null;
        }
        events.Publish(new RecordingStarted(request.CallId, events.Now, target.RecordingId));
        LogStarted(_logger, request.CallId, target.RecordingId);
        return recorder;
    }

    [LoggerMessage(EventId = 3403, Level = LogLevel.Information, Message = "Recording call {CallId} as {RecordingId}")]
    private static partial void LogStarted(ILogger logger, Guid callId, Guid recordingId);

    [LoggerMessage(EventId = 3405, Level = LogLevel.Warning, Message = "Recording {RecordingId} lost {Dropped} packets: its writer fell behind")]
    private static partial void LogDropped(ILogger logger, Guid recordingId, long dropped);

    [LoggerMessage(EventId = 3404, Level = LogLevel.Error, Message = "Cannot create the recording file {Path} of call {CallId}; the call is not recorded")]
    private static partial void LogCreateFailed(ILogger logger, Guid callId, string path, Exception exception);
}
