namespace CallCenter.Telephony.Routing;

/// <summary>A caller the call center knows.</summary>
/// <param name="CustomerId">The customer's id in Core.</param>
/// <param name="Name">The customer's name, for display.</param>
/// <param name="IsVip">True when the customer should be served first (a hook for priority routing).</param>
public sealed record CallerIdentity(Guid CustomerId, string Name, bool IsVip = false);
