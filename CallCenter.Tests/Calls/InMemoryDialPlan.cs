using CallCenter.Telephony.Routing;

namespace CallCenter.Tests.Calls;

/// <summary>
/// A dial plan for the Telephony-only test host: 9196 is the echo test, 1001 to 1005 are extensions, 4000 a
/// queue the test ACD does not know (480); everything else is not found.
/// </summary>
internal sealed class InMemoryDialPlan : IDialPlan
{
    private readonly Dictionary<string, RouteTarget> _numbers = new(StringComparer.Ordinal)
    {
        ["9196"] = new RouteTarget(RouteTargetKind.EchoTest, null, "echo"),
        ["1001"] = new RouteTarget(RouteTargetKind.Extension, "1001"),
        ["1002"] = new RouteTarget(RouteTargetKind.Extension, "1002"),
        ["1003"] = new RouteTarget(RouteTargetKind.Extension, "1003"),
        ["1004"] = new RouteTarget(RouteTargetKind.Extension, "1004"),
        ["1005"] = new RouteTarget(RouteTargetKind.Extension, "1005"),
        ["4000"] = new RouteTarget(RouteTargetKind.Queue, "sales", "sales queue"),
    };

    public ValueTask<RouteTarget> ResolveAsync(DialRequest request, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_numbers.GetValueOrDefault(request.DialledNumber) ?? RouteTarget.NotFound);
}
