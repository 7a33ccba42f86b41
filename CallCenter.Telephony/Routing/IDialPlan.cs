namespace CallCenter.Telephony.Routing;

/// <summary>
/// The routing port (Core implements it over DialledNumbers and Agents): turns a dialled number into a
/// target. Called once per initial INVITE on the SIP path, so implementations answer from memory
/// (a cached snapshot) and never query a database per call.
/// </summary>
public interface IDialPlan
{
    /// <summary>
    /// Resolves <paramref name="request"/>: a configured number (queue, IVR, info service, echo test...),
    /// else an active agent's extension, else (for a caller who is an agent) an outside number through a
    /// trunk chosen by prefix, else <see cref="RouteTarget.NotFound"/>.
    /// </summary>
    ValueTask<RouteTarget> ResolveAsync(DialRequest request, CancellationToken cancellationToken);
}
