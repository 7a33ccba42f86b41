using System.Net;

namespace CallCenter.Telephony.Routing;

/// <summary>
/// The trunk port (Core implements it over the Trunks table, from a cached snapshot): active trunks for
/// registration, outbound selection by prefix and inbound source matching.
/// </summary>
public interface ITrunkDirectory
{
    /// <summary>Every active trunk.</summary>
    ValueTask<IReadOnlyList<TrunkConfig>> GetTrunksAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The active trunk whose <see cref="TrunkConfig.OutboundPrefix"/> is the longest prefix of
    /// <paramref name="dialledNumber"/>; null when none matches.
    /// </summary>
    ValueTask<TrunkConfig?> SelectOutboundAsync(string dialledNumber, CancellationToken cancellationToken);

    /// <summary>The active trunk that accepts inbound calls from <paramref name="source"/>; null when none does.</summary>
    ValueTask<TrunkConfig?> MatchInboundAsync(IPAddress source, CancellationToken cancellationToken);
}
