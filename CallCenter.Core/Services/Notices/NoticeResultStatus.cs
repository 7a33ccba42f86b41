namespace CallCenter.Core.Services.Notices;

/// <summary>How a change to a notice ended.</summary>
public enum NoticeResultStatus
{
    Ok,

    /// <summary>Nothing saved; <see cref="NoticeResult.Errors"/> names the fields.</summary>
    Invalid,

    /// <summary>Someone else changed the notice since the editor loaded it; nothing saved.</summary>
    Conflict,

    NotFound,

    /// <summary>The actor may not do this (an agent posting, a shift leader editing another's notice).</summary>
    Forbidden,
}
