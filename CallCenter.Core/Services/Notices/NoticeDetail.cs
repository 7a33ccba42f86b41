namespace CallCenter.Core.Services.Notices;

/// <summary>A notice as its reader sees it.</summary>
/// <param name="Id">The notice.</param>
/// <param name="Title">Its title.</param>
/// <param name="Body">Its text.</param>
/// <param name="AuthorName">Who posted it.</param>
/// <param name="PublishAt">When it appeared, in the call center's local time.</param>
/// <param name="ExpiresAt">When it disappears, local time; null: never.</param>
public sealed record NoticeDetail(Guid Id, string Title, string Body, string AuthorName, DateTimeOffset PublishAt, DateTimeOffset? ExpiresAt);
