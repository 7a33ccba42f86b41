using CallCenter.Telephony.Routing;

namespace CallCenter.Tests.Calls;

/// <summary>
/// A dial plan for the Telephony-only test host: 9196 is the echo test, 1001 and 1002 are extensions, 4000 a
/// queue (not served by the B2BUA yet); everything else is not found.
/// </summary>
internal sealed class InMemoryDialPlan : IDialPlan
{
    private readonly Dictionary<string, RouteTarget> _numbers = new(StringComparer.Ordinal)
    {
        ["9196"] = new RouteTarget(RouteTargetKind.EchoTest, null, "echo"),
        ["1001"] = new RouteTarget(RouteTargetKind.Extension, "1001"),
        ["1002"] = new RouteTarget(RouteTargetKind.Extension, "1002"),
        ["4000"] = new RouteTarget(RouteTargetKind.Queue, "sales", "sales queue"),
    };

    public ValueTask<RouteTarget> ResolveAsync(DialRequest request, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_numbers.GetValueOrDefault(request.DialledNumber) ?? RouteTarget.NotFound);

    public ValueTask<CallerIdentity?> IdentifyCallerAsync(string callerNumber, CancellationToken cancellationToken) =>
        ValueTask.FromResult<CallerIdentity?>(null);
}
