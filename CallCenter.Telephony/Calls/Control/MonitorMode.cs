namespace CallCenter.Telephony.Calls.Control;

/// <summary>How a supervisor joins an agent's call.</summary>
public enum MonitorMode
{
    /// <summary>Silent monitoring (监听): hears both, heard by nobody.</summary>
    Listen,

    /// <summary>Coaching (耳语): hears both, heard only by the agent.</summary>
    Whisper,

    /// <summary>Barge-in (强插): a full party of a three-way call.</summary>
    Barge,
}
