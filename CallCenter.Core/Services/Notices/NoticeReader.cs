namespace CallCenter.Core.Services.Notices;

/// <summary>A user of a notice's audience, with when it read the notice (null: not yet).</summary>
/// <param name="UserId">The user.</param>
/// <param name="UserName">Its sign-in name.</param>
/// <param name="DisplayName">Its name.</param>
/// <param name="ReadAt">When it read the notice, in the call center's local time; null: not read.</param>
public sealed record NoticeReader(Guid UserId, string UserName, string DisplayName, DateTimeOffset? ReadAt);
