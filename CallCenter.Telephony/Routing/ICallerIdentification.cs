namespace CallCenter.Telephony.Routing;

/// <summary>
/// Caller identification (Core implements it): who is calling, for the screen pop and for routing (VIP callers
/// wait ahead). Asked once per call that goes to a queue or an agent, before any agent's phone rings; the result
/// is published as <see cref="Events.CallerIdentified"/>.
/// </summary>
public interface ICallerIdentification
{
    /// <summary>What is known about <paramref name="callerNumber"/>; never null (an unknown caller has no customer).</summary>
    ValueTask<CallerInfo> IdentifyAsync(string callerNumber, CancellationToken cancellationToken);
}

/// <summary>The default until the host registers its own: every caller is unknown.</summary>
public sealed class UnknownCallerIdentification : ICallerIdentification
{
    /// <inheritdoc />
    public ValueTask<CallerInfo> IdentifyAsync(string callerNumber, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new CallerInfo(callerNumber));
}
