using CallCenter.Telephony.Routing;

namespace CallCenter.Telephony.Events;

/// <summary>
/// A new call reached the engine (an initial INVITE was accepted for processing) and was routed.
/// Always the first event of a call; the first leg's <see cref="LegStarted"/> follows.
/// </summary>
/// <param name="CallId">The call's id (see <see cref="CallEvent.CallId"/>).</param>
/// <param name="At">When the INVITE was accepted.</param>
/// <param name="SipCallId">The SIP Call-ID of the first (customer or originating) leg.</param>
/// <param name="Direction">Inbound (from a customer or trunk), outbound (an agent dialling out), internal.</param>
/// <param name="CallerNumber">The user part of the From URI, e.g. <c>13800138000</c>.</param>
/// <param name="DialledNumber">The user part of the Request-URI, e.g. <c>4001</c>.</param>
/// <param name="Target">Where the dial plan sent the call (<see cref="RouteTargetKind.NotFound"/> when nowhere).</param>
public sealed record CallOffered(
    Guid CallId,
    DateTimeOffset At,
    string? SipCallId,
    CallEventDirection Direction,
    string CallerNumber,
    string DialledNumber,
    RouteTarget Target) : CallEvent(CallId, At);
