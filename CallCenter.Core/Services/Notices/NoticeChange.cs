namespace CallCenter.Core.Services.Notices;

/// <summary>A change announced by <see cref="NoticeNotifier"/>.</summary>
/// <param name="NoticeId">The notice.</param>
/// <param name="Kind">What happened.</param>
/// <param name="UserId">The reader, for <see cref="NoticeChangeKind.Read"/>; else the actor.</param>
public sealed record NoticeChange(Guid NoticeId, NoticeChangeKind Kind, Guid UserId);
