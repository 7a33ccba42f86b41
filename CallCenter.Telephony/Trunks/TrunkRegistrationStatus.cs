namespace CallCenter.Telephony.Trunks;

/// <summary>One trunk's registration status, for /healthz and the admin pages.</summary>
/// <param name="TrunkId">The trunk's id.</param>
/// <param name="Name">The trunk's name.</param>
/// <param name="State">Registered, failed...</param>
/// <param name="Reason">Why it failed (status line or error), else null.</param>
/// <param name="ExpiresAt">When the granted registration runs out, when registered.</param>
/// <param name="ChangedAt">When this status was set.</param>
public sealed record TrunkRegistrationStatus(Guid TrunkId, string Name, TrunkRegistrationState State, string? Reason, DateTimeOffset? ExpiresAt, DateTimeOffset ChangedAt);
