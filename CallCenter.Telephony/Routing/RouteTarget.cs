namespace CallCenter.Telephony.Routing;

/// <summary>Where the dial plan sends a call.</summary>
/// <param name="Kind">What kind of target.</param>
/// <param name="Key">The target's key: extension, queue name, IVR flow name, outside number; null for the echo test and not found.</param>
/// <param name="Description">The dialled number's description, for logs and pages.</param>
/// <param name="Trunk">For <see cref="RouteTargetKind.Trunk"/>: the trunk to call through.</param>
public sealed record RouteTarget(RouteTargetKind Kind, string? Key = null, string? Description = null, TrunkConfig? Trunk = null)
{
    /// <summary>The one "no such number" target.</summary>
    public static RouteTarget NotFound { get; } = new(RouteTargetKind.NotFound);

    /// <summary>True unless <see cref="Kind"/> is <see cref="RouteTargetKind.NotFound"/>.</summary>
    public bool IsFound => Kind != RouteTargetKind.NotFound;
}
