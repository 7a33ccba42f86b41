using System.Net;

namespace CallCenter.Telephony.Routing;

/// <summary>The default <see cref="ITrunkDirectory"/> until the host supplies one: no trunks.</summary>
public sealed class EmptyTrunkDirectory : ITrunkDirectory
{
    /// <inheritdoc />
    public ValueTask<IReadOnlyList<TrunkConfig>> GetTrunksAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<TrunkConfig>>([]);

    /// <inheritdoc />
    public ValueTask<TrunkConfig?> SelectOutboundAsync(string dialledNumber, CancellationToken cancellationToken) =>
        ValueTask.FromResult<TrunkConfig?>(null);

    /// <inheritdoc />
    public ValueTask<TrunkConfig?> MatchInboundAsync(IPAddress source, CancellationToken cancellationToken) =>
        ValueTask.FromResult<TrunkConfig?>(null);
}
