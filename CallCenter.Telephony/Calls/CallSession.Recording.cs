using CallCenter.Telephony.Media;
using CallCenter.Telephony.Recording;

namespace CallCenter.Telephony.Calls;

public sealed partial class CallSession
{
    private CallRecorder? _recorder;

    /// <summary>The call's recorder, once recording started (by the rules or on demand); it taps every bridge.</summary>
    public CallRecorder? Recorder
    {
        get
        {
            lock (_mediaGate)
            {
                return _recorder;
            }
        }
    }

    /// <summary>
    /// The leg recorded on the customer channel: the first of the two parties that is not an agent's phone (the
    /// caller of an inbound call, the called number of an agent's outbound call), else the caller.
    /// </summary>
    public CallLeg CustomerLeg => Caller.Extension is not null && Callee is { Extension: null } callee ? callee : Caller;

    /// <summary>Sets the recorder and taps the running bridge with it; false when the call's media is gone.</summary>
    public bool TrySetRecorder(CallRecorder recorder)
    {
        ArgumentNullException.ThrowIfNull(recorder);
        lock (_mediaGate)
        {
            if (_mediaDisposed || _recorder is not null)
            {
                return false;
            }
            _recorder = recorder;
            if (_bridge is not null)
            {
                _bridge.Tap = MediaTaps.Combine(_bridge.Tap, recorder);
            }
            TapMixer();
            return true;
        }
    }

    /// <summary>Finishes the recording after the call's media stopped (the file closed, the catalogue told).</summary>
    public async Task CompleteRecordingAsync()
    {
        CallRecorder? recorder;
        lock (_mediaGate)
        {
            recorder = _recorder;
        }
        if (recorder is not null)
        {
            await recorder.CompleteAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }
}
