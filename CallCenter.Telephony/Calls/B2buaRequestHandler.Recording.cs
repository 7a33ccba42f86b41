using CallCenter.Telephony.Calls.Control;
using CallCenter.Telephony.Recording;

using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Telephony.Calls;

public sealed partial class B2buaRequestHandler
{
    // Every bridged call is offered to the recording rules once, when its first bridge starts (off the call's
    // set-up path: the answer is not held up by the catalogue). The recorder is the tap of every bridge the call
    // has from then on, the customer always on its left channel; while the call is mixed (three-way, monitoring)
    // the right channel is what the customer hears (everyone else but whispers).

    private RecordingService Recordings => services.GetRequiredService<RecordingService>();

    private async Task StartRecordingByRulesAsync(CallSession session)
    {
        try
        {
            await StartRecorderAsync(session, force: false).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // A call is never failed for its recording.
            LogFailed(logger, ex, session.Id, "recording start");
        }
    }

    /// <summary>Starts recording on demand, or resumes a paused recording.</summary>
    internal async Task<CallControlResult> StartRecordingAsync(CallSession session)
    {
        if (session.Recorder is { } recorder)
        {
            if (!recorder.IsPaused)
            {
                return CallControlResult.Fail(CallControlError.InvalidState, "The call is being recorded already.");
            }
            recorder.Resume();
            return CallControlResult.Ok(recorder.RecordingId);
        }
        if (!IsConnected(session))
        {
            return CallControlResult.Fail(CallControlError.InvalidState, "Only a connected call can be recorded.");
        }
        var started = await StartRecorderAsync(session, force: true).ConfigureAwait(false);
        return started is null
            ? CallControlResult.Fail(CallControlError.InvalidState, "The recording could not be started (see the log).")
            : CallControlResult.Ok(started.RecordingId);
    }

    /// <summary>Pauses the call's recording (the file keeps what was recorded; a later start resumes it).</summary>
    internal static CallControlResult StopRecording(CallSession session)
    {
        if (session.Recorder is not { IsPaused: false } recorder)
        {
            return CallControlResult.Fail(CallControlError.InvalidState, "The call is not being recorded.");
        }
        recorder.Pause();
        return CallControlResult.Ok(recorder.RecordingId);
    }

    private async Task<CallRecorder?> StartRecorderAsync(CallSession session, bool force)
    {
        var customer = session.CustomerLeg;
        var agent = session.Other(customer);
        if (customer.Media?.Audio is not { } customerAudio || agent?.Media?.Audio is not { } agentAudio || session.Recorder is not null)
        {
            return null;
        }
        var queue = session.QueueName ?? (session.Target.Kind == Routing.RouteTargetKind.Queue ? session.Target.Key : null);
        var request = new RecordingRequest(session.CallId, session.From, session.To, queue, agent.Extension, force);
        var recorder = await Recordings.StartAsync(request, customerAudio.Codec, agentAudio.Codec, CancellationToken.None).ConfigureAwait(false);
        if (recorder is null)
        {
            return null;
        }
        if (!session.TrySetRecorder(recorder))
        {
            // The call ended while the catalogue answered: close the (empty) recording at once.
            await recorder.CompleteAsync(CancellationToken.None).ConfigureAwait(false);
            return null;
        }
        return recorder;
    }
}
