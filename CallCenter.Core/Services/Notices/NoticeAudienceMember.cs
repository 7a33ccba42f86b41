namespace CallCenter.Core.Services.Notices;

/// <summary>An active user who may receive notices, with the groups its agent belongs to.</summary>
internal sealed record NoticeAudienceMember(Guid UserId, string UserName, string DisplayName, IReadOnlySet<Guid> GroupIds)
{
    /// <summary>
    /// Whether a notice is addressed to this user. Its author is never part of its audience: one does not
    /// have to read, or be counted as not having read, what one wrote.
    /// </summary>
    public bool Receives(Guid authorUserId, bool toEveryone, IEnumerable<Guid> groupIds) =>
        UserId != authorUserId && (toEveryone || groupIds.Any(GroupIds.Contains));
}
