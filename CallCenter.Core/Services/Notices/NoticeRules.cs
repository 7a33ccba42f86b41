using CallCenter.Core.Domain;

namespace CallCenter.Core.Services.Notices;

/// <summary>Limits of a notice, shared by <see cref="NoticeService"/> and the pages.</summary>
public static class NoticeRules
{
    /// <summary>Longest title, in characters.</summary>
    public const int TitleMaxLength = 100;

    /// <summary>Longest body, in characters.</summary>
    public const int BodyMaxLength = 4000;

    /// <summary>The roles that may post notices (业务通知 come from shift leaders and above).</summary>
    public static readonly IReadOnlyList<string> PosterRoles = [Roles.ShiftLeader, Roles.Supervisor, Roles.Manager, Roles.Admin];
}
