namespace CallCenter.Core.Services.Notices;

/// <summary>A row of the managers' list: the notice, its audience and how many of it have read it.</summary>
/// <param name="Id">The notice.</param>
/// <param name="Title">Its title.</param>
/// <param name="AuthorName">Who posted it.</param>
/// <param name="ToEveryone">True: to every user; else to <paramref name="GroupNames"/>.</param>
/// <param name="GroupNames">The groups it is addressed to.</param>
/// <param name="PublishAt">When it appears, in the call center's local time.</param>
/// <param name="ExpiresAt">When it disappears, local time; null: never.</param>
/// <param name="State">Scheduled, published or expired now.</param>
/// <param name="ReadCount">How many of the audience have read it.</param>
/// <param name="AudienceCount">How many users it is addressed to (active users, the author left out).</param>
/// <param name="Version">The version, for an expiry from the list.</param>
public sealed record NoticeSummary(
    Guid Id,
    string Title,
    string AuthorName,
    bool ToEveryone,
    IReadOnlyList<string> GroupNames,
    DateTimeOffset PublishAt,
    DateTimeOffset? ExpiresAt,
    NoticeState State,
    int ReadCount,
    int AudienceCount,
    Guid Version);
