namespace CallCenter.Telephony.Events;

/// <summary>Text forms of <see cref="CallEndCause"/> as they are stored and shown.</summary>
public static class CallEndCauses
{
    /// <summary>The stable lower-case text of <paramref name="cause"/>: normal, busy, no-answer, declined, unavailable, cancelled, media-timeout, max-duration, blacklisted, abandoned, voicemail, overflow, abnormal.</summary>
    public static string ToText(this CallEndCause cause) => cause switch
    {
        CallEndCause.Normal => "normal",
        CallEndCause.Busy => "busy",
        CallEndCause.NoAnswer => "no-answer",
        CallEndCause.Declined => "declined",
        CallEndCause.Unavailable => "unavailable",
        CallEndCause.Cancelled => "cancelled",
        CallEndCause.MediaTimeout => "media-timeout",
        CallEndCause.MaxDuration => "max-duration",
        CallEndCause.Blacklisted => "blacklisted",
        CallEndCause.Abandoned => "abandoned",
        CallEndCause.Voicemail => "voicemail",
        CallEndCause.Overflow => "overflow",
        CallEndCause.Abnormal => "abnormal",
        _ => "abnormal",
    };

    /// <summary>True for the causes that mean a fault rather than a party's decision.</summary>
    public static bool IsAbnormal(this CallEndCause cause) =>
        cause is CallEndCause.Abnormal or CallEndCause.MediaTimeout;
}
