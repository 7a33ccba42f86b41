namespace CallCenter.Telephony.Routing;

/// <summary>The default blacklist until the host registers its own: blocks nobody.</summary>
public sealed class EmptyBlacklist : IBlacklist
{
    /// <inheritdoc />
    public ValueTask<BlacklistMatch?> CheckAsync(string callerNumber, CancellationToken cancellationToken) => ValueTask.FromResult<BlacklistMatch?>(null);

    /// <inheritdoc />
    public void ReportBlocked(BlacklistMatch match, string callerNumber, string dialledNumber, Guid callId)
    {
    }
}
