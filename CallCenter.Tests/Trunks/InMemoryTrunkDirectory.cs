using System.Net;

using CallCenter.Telephony.Routing;

namespace CallCenter.Tests.Trunks;

/// <summary>A trunk directory over a fixed list, for the Telephony-only test host; selection by longest prefix as in Core.</summary>
internal sealed class InMemoryTrunkDirectory(params TrunkConfig[] trunks) : ITrunkDirectory
{
    public ValueTask<IReadOnlyList<TrunkConfig>> GetTrunksAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<TrunkConfig>>(trunks);

    public ValueTask<TrunkConfig?> SelectOutboundAsync(string dialledNumber, CancellationToken cancellationToken) =>
        ValueTask.FromResult(trunks.Where(t => t.OutboundPrefix is { } p && dialledNumber.StartsWith(p, StringComparison.Ordinal))
            .OrderByDescending(t => t.OutboundPrefix!.Length).FirstOrDefault());

    public ValueTask<TrunkConfig?> MatchInboundAsync(IPAddress source, CancellationToken cancellationToken) =>
        ValueTask.FromResult(trunks.FirstOrDefault(t => t.AllowedSources.Contains(source.ToString())));
}
