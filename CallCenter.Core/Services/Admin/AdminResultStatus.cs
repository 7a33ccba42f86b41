namespace CallCenter.Core.Services.Admin;

/// <summary>How an admin change ended.</summary>
public enum AdminResultStatus
{
    Ok,
    /// <summary>Nothing saved; <see cref="AdminResult.Errors"/> names the fields.</summary>
    Invalid,
    /// <summary>Someone else changed the row since the editor loaded it; nothing saved.</summary>
    Conflict,
    NotFound,
}
