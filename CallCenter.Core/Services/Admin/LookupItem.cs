namespace CallCenter.Core.Services.Admin;

/// <summary>An id and a name for a pick list (skills, groups, IVR flows, queues).</summary>
public sealed record LookupItem(Guid Id, string Name);
