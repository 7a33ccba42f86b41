namespace CallCenter.Core.Services.Notices;

/// <summary>What happened to a notice.</summary>
public enum NoticeChangeKind
{
    Created,
    Updated,
    Expired,

    /// <summary>A user read it (a new receipt).</summary>
    Read,
}
