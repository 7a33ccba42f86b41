namespace CallCenter.Core.Services.Notices;

/// <summary>A notice in a user's inbox.</summary>
/// <param name="Id">The notice.</param>
/// <param name="Title">Its title.</param>
/// <param name="AuthorName">Who posted it.</param>
/// <param name="PublishAt">When it appeared, in the call center's local time.</param>
/// <param name="ExpiresAt">When it disappears, local time; null: never.</param>
/// <param name="IsRead">Whether this user has read it (its author always has).</param>
public sealed record NoticeInboxItem(Guid Id, string Title, string AuthorName, DateTimeOffset PublishAt, DateTimeOffset? ExpiresAt, bool IsRead);
