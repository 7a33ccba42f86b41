using CallCenter.Telephony.Events;
using CallCenter.Telephony.Routing;

namespace CallCenter.Tests.Core.Telephony;

/// <summary>Ten events of one call, in one of four shapes chosen by its index.</summary>
internal static class CallScenario
{
    public const string AgentExtension = "1001";
    public const string KnownCustomerNumber = "13800138000";

    public static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    public static Guid CallId(int index) => new($"00000000-0000-7000-8000-{index:D12}");

    public static DateTimeOffset OfferedAt(int index) => Start.AddSeconds(index);

    /// <summary>0: answered, caller hangs up; 1: abandoned (caller cancels); 2: answered, media timeout; 3: busy, known customer.</summary>
    public static IReadOnlyList<CallEvent> Events(int index)
    {
        var id = CallId(index);
        var customerLeg = new Guid($"00000000-0000-7000-9000-{index:D12}");
        var agentLeg = new Guid($"00000000-0000-7000-a000-{index:D12}");
        var t = OfferedAt(index);
        var caller = index % 4 == 3 ? KnownCustomerNumber : $"139{index:D8}";
        var events = new List<CallEvent>
        {
            new CallOffered(id, t, $"sip-{index}@test", CallEventDirection.Inbound, caller, "4001", new RouteTarget(RouteTargetKind.Queue, "nope")),
            new LegStarted(id, t, customerLeg, CallLegRole.Customer, caller, $"sip-{index}@test"),
            new LegStarted(id, t.AddSeconds(1), agentLeg, CallLegRole.Agent, AgentExtension, $"agent-{index}@test"),
            new CallRinging(id, t.AddSeconds(2), agentLeg),
        };
        switch (index % 4)
        {
            case 0:
                events.Add(new CallAnswered(id, t.AddSeconds(5), agentLeg, AgentExtension));
                events.Add(new CallHeld(id, t.AddSeconds(10), agentLeg));
                events.Add(new CallResumed(id, t.AddSeconds(20), agentLeg));
                events.Add(new LegEnded(id, t.AddSeconds(65), agentLeg, CallEndCause.Normal));
                events.Add(new LegEnded(id, t.AddSeconds(65), customerLeg, CallEndCause.Normal));
                events.Add(new CallEnded(id, t.AddSeconds(65), CallEndCause.Normal, HangupSide.Caller));
                break;
            case 1:
                events.Add(new DtmfReceived(id, t.AddSeconds(3), customerLeg, '1', DtmfMethod.Rfc4733));
                events.Add(new DtmfReceived(id, t.AddSeconds(3), customerLeg, '2', DtmfMethod.Info));
                events.Add(new DtmfReceived(id, t.AddSeconds(3), customerLeg, '#', DtmfMethod.Inband));
                events.Add(new LegEnded(id, t.AddSeconds(12), agentLeg, CallEndCause.Cancelled, 487));
                events.Add(new LegEnded(id, t.AddSeconds(12), customerLeg, CallEndCause.Cancelled));
                events.Add(new CallEnded(id, t.AddSeconds(12), CallEndCause.Cancelled, HangupSide.Caller));
                break;
            case 2:
                events.Add(new CallAnswered(id, t.AddSeconds(5), agentLeg, AgentExtension));
                events.Add(new CallTransferred(id, t.AddSeconds(10), agentLeg, "1002", Attended: false));
                events.Add(new DtmfReceived(id, t.AddSeconds(11), customerLeg, '5', DtmfMethod.Rfc4733));
                events.Add(new LegEnded(id, t.AddSeconds(40), agentLeg, CallEndCause.MediaTimeout));
                events.Add(new LegEnded(id, t.AddSeconds(40), customerLeg, CallEndCause.MediaTimeout));
                events.Add(new CallEnded(id, t.AddSeconds(40), CallEndCause.MediaTimeout, HangupSide.System));
                break;
            default:
                events.Add(new DtmfReceived(id, t.AddSeconds(3), customerLeg, '0', DtmfMethod.Rfc4733));
                events.Add(new DtmfReceived(id, t.AddSeconds(3), customerLeg, '9', DtmfMethod.Rfc4733));
                events.Add(new DtmfReceived(id, t.AddSeconds(4), customerLeg, '*', DtmfMethod.Rfc4733));
                events.Add(new LegEnded(id, t.AddSeconds(8), agentLeg, CallEndCause.Busy, 486));
                events.Add(new LegEnded(id, t.AddSeconds(8), customerLeg, CallEndCause.Busy));
                events.Add(new CallEnded(id, t.AddSeconds(8), CallEndCause.Busy, HangupSide.Callee));
                break;
        }
        return events;
    }
}
