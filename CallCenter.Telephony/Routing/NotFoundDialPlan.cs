namespace CallCenter.Telephony.Routing;

/// <summary>The default <see cref="IDialPlan"/> until the host supplies one: every number is not found.</summary>
public sealed class NotFoundDialPlan : IDialPlan
{
    /// <inheritdoc />
    public ValueTask<RouteTarget> ResolveAsync(DialRequest request, CancellationToken cancellationToken) =>
        ValueTask.FromResult(RouteTarget.NotFound);
}
