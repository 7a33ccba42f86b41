using CallCenter.Telephony.Routing;

using CallCenter.Tests.Calls;

namespace CallCenter.Tests.Trunks;

/// <summary>The tests' <see cref="InMemoryDialPlan"/>, plus what Core's DialPlan does for an agent: an outside number through a trunk, prefix stripped.</summary>
internal sealed class TrunkDialPlan(ITrunkDirectory trunks) : IDialPlan
{
    private readonly InMemoryDialPlan _numbers = new();

    public async ValueTask<RouteTarget> ResolveAsync(DialRequest request, CancellationToken cancellationToken)
    {
        var target = await _numbers.ResolveAsync(request, cancellationToken);
        if (target.IsFound || request.CallerExtension is null
            || await trunks.SelectOutboundAsync(request.DialledNumber, cancellationToken) is not { } trunk)
        {
            return target;
        }
        return new RouteTarget(RouteTargetKind.Trunk, request.DialledNumber[(trunk.OutboundPrefix?.Length ?? 0)..], trunk.Name, trunk);
    }
}
