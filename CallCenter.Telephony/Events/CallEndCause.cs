namespace CallCenter.Telephony.Events;

/// <summary>Why a call or leg ended. Core stores it as text (<see cref="CallEndCauses.ToText"/>).</summary>
public enum CallEndCause
{
    /// <summary>A party hung up (BYE) after the call was answered.</summary>
    Normal,

    /// <summary>The callee was busy (486, 600).</summary>
    Busy,

    /// <summary>Nobody answered in time (408, or the engine's ring timeout).</summary>
    NoAnswer,

    /// <summary>The callee refused the call (603, or another 4xx/6xx refusal).</summary>
    Declined,

    /// <summary>The target was unreachable: not registered, not found, no agent (404, 480, 503).</summary>
    Unavailable,

    /// <summary>The caller gave up before the call was answered (CANCEL).</summary>
    Cancelled,

    /// <summary>No RTP arrived for the media timeout.</summary>
    MediaTimeout,

    /// <summary>The call reached its maximum duration.</summary>
    MaxDuration,

    /// <summary>The call was refused by the blacklist.</summary>
    Blacklisted,

    /// <summary>The caller hung up while waiting in a queue, before an agent answered.</summary>
    Abandoned,

    /// <summary>The caller left a voicemail (or was sent to a box) instead of reaching an agent.</summary>
    Voicemail,

    /// <summary>The queue overflowed to a message and hang-up (maximum wait, or no agent logged in).</summary>
    Overflow,

    /// <summary>A fault: transport error, internal error, restart.</summary>
    Abnormal,
}
