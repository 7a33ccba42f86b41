namespace CallCenter.Telephony.Calls.Control;

/// <summary>The call-control operations the call's state allows the agent now (the phone bar enables exactly these).</summary>
[Flags]
public enum AgentCallActions
{
    /// <summary>Nothing (e.g. while the phone rings).</summary>
    None = 0,

    /// <summary><see cref="ICallControl.HangupAsync"/>.</summary>
    Hangup = 1,

    /// <summary><see cref="ICallControl.HoldAsync"/>.</summary>
    Hold = 2,

    /// <summary><see cref="ICallControl.ResumeAsync"/>.</summary>
    Resume = 4,

    /// <summary><see cref="ICallControl.BlindTransferAsync"/>.</summary>
    BlindTransfer = 8,

    /// <summary><see cref="ICallControl.ConsultAsync"/>.</summary>
    Consult = 16,

    /// <summary><see cref="ICallControl.CompleteTransferAsync"/>.</summary>
    CompleteTransfer = 32,

    /// <summary><see cref="ICallControl.CancelConsultAsync"/>.</summary>
    CancelConsult = 64,

    /// <summary><see cref="ICallControl.ConferenceAddAsync"/>.</summary>
    ConferenceAdd = 128,

    /// <summary><see cref="ICallControl.ConferenceDropAsync"/> (a party the agent added is on the call).</summary>
    ConferenceDrop = 256,

    /// <summary><see cref="ICallControl.StartRecordingAsync"/> (not recording, or paused).</summary>
    StartRecording = 512,

    /// <summary><see cref="ICallControl.StopRecordingAsync"/> (recording).</summary>
    StopRecording = 1024,

    /// <summary><see cref="ICallControl.SendDtmfAsync"/>.</summary>
    SendDtmf = 2048,
}
