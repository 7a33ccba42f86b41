namespace CallCenter.Core.Services.Notices;

/// <summary>Where a notice stands in its visibility window.</summary>
public enum NoticeState
{
    /// <summary>Its publish time is still to come.</summary>
    Scheduled,

    /// <summary>In the inboxes now.</summary>
    Published,

    /// <summary>Past its expiry; in no inbox.</summary>
    Expired,
}
