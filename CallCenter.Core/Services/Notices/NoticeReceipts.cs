namespace CallCenter.Core.Services.Notices;

/// <summary>Who has read a notice and who of its audience has not (回执).</summary>
/// <param name="NoticeId">The notice.</param>
/// <param name="Title">Its title.</param>
/// <param name="Read">Readers, first reader first.</param>
/// <param name="Unread">The audience that has not read it, by user name.</param>
public sealed record NoticeReceipts(Guid NoticeId, string Title, IReadOnlyList<NoticeReader> Read, IReadOnlyList<NoticeReader> Unread);
