namespace CallCenter.Core.Services.Recordings;

/// <summary>Who asks to play a recording, as the web layer knows them.</summary>
/// <param name="UserId">The signed-in user's id; null for none.</param>
/// <param name="UserName">The user name, for the audit log.</param>
/// <param name="Roles">The user's roles (<see cref="Domain.Roles"/>).</param>
public sealed record RecordingViewer(Guid? UserId, string UserName, IReadOnlyCollection<string> Roles);
