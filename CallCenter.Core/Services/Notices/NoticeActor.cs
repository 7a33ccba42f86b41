using CallCenter.Core.Domain;

namespace CallCenter.Core.Services.Notices;

/// <summary>Who posts, edits or expires a notice, as the web layer knows them; checked and audited by <see cref="NoticeService"/>.</summary>
/// <param name="UserId">The signed-in user's id.</param>
/// <param name="UserName">The sign-in name, for the audit log.</param>
/// <param name="Roles">The user's roles (<see cref="Domain.Roles"/>).</param>
/// <param name="RemoteAddress">The browser's address, for the audit log.</param>
public sealed record NoticeActor(Guid UserId, string UserName, IReadOnlyCollection<string> Roles, string? RemoteAddress)
{
    /// <summary>True when the actor may post notices at all (shift leaders and above).</summary>
    public bool MayPost => Roles.Any(r => NoticeRules.PosterRoles.Contains(r, StringComparer.Ordinal));

    /// <summary>True when the actor may manage every notice, not only its own (supervisors and above).</summary>
    public bool MayManageAll => Roles.Any(r => r is Domain.Roles.Supervisor or Domain.Roles.Manager or Domain.Roles.Admin);
}
