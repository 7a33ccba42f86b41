namespace CallCenter.Core.Services.WorkRecords;

/// <summary>Who asks for an agent's work records, as the web layer knows them.</summary>
/// <param name="UserId">The signed-in user's id.</param>
/// <param name="Roles">The user's roles (<see cref="Domain.Roles"/>).</param>
public sealed record WorkRecordViewer(Guid UserId, IReadOnlyCollection<string> Roles)
{
    /// <summary>Shift leaders, supervisors, managers and admins may look at any agent's day.</summary>
    public bool MaySeeAnyAgent => Roles.Any(r => r is Domain.Roles.ShiftLeader or Domain.Roles.Supervisor or Domain.Roles.Manager or Domain.Roles.Admin);
}
