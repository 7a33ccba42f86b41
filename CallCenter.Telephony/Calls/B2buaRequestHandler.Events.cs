using CallCenter.Telephony.Events;

namespace CallCenter.Telephony.Calls;

public sealed partial class B2buaRequestHandler
{
    // One call's events are published from its own serialised flow (the INVITE, then the legs' responses and
    // requests, each after the one before), so subscribers see them in order.
    private void PublishLegStarted(CallSession session, CallLeg leg, CallLegRole role, string number, string? sipCallId)
    {
        leg.Number = number;
        session.AddLeg(leg);
        events.Publish(new LegStarted(session.CallId, events.Now, leg.LegId, role, number, sipCallId));
    }

    // A leg that ends before its call (transferred agent, consulted or added party): published once.
    private void PublishLegEnded(CallSession session, CallLeg leg, CallEndCause cause, int? sipStatus)
    {
        if (!leg.Ended)
        {
            leg.Ended = true;
            events.Publish(new LegEnded(session.CallId, events.Now, leg.LegId, cause, sipStatus));
        }
    }

    private void PublishRinging(CallSession session, CallLeg leg) =>
        events.Publish(new CallRinging(session.CallId, events.Now, leg.LegId));

    private void PublishAnswered(CallSession session, CallLeg leg, string? agentExtension) =>
        events.Publish(new CallAnswered(session.CallId, events.Now, leg.LegId, agentExtension));

    private void PublishDtmf(CallSession session, CallLeg leg, char digit, DtmfMethod method)
    {
        events.Publish(new DtmfReceived(session.CallId, events.Now, leg.LegId, digit, method));
        session.RaiseDigit(leg, digit);
    }

    // LegEnded for every leg that started and is still up, then CallEnded, always last.
    private void PublishEnded(CallSession session, CallEndCause cause, CallParty hungUpBy, int? sipStatus)
    {
        foreach (var leg in session.Legs)
        {
            PublishLegEnded(session, leg, cause, sipStatus);
        }
        events.Publish(new CallEnded(session.CallId, events.Now, cause, ToHangupSide(hungUpBy)));
    }

    private static HangupSide ToHangupSide(CallParty party) => party switch
    {
        CallParty.Caller => HangupSide.Caller,
        CallParty.Callee => HangupSide.Callee,
        _ => HangupSide.System,
    };

    /// <summary>
    /// Why a call ended when the callee answered <paramref name="code"/> (RFC 3261 §21): busy, declined, no answer,
    /// unavailable (not found, temporarily unavailable, server errors).
    /// </summary>
    public static CallEndCause MapCalleeFailureCause(int code) => code switch
    {
        486 or 600 => CallEndCause.Busy,
        408 => CallEndCause.NoAnswer,
        487 => CallEndCause.Cancelled,
        404 or 410 or 480 or 484 or 604 or >= 500 and < 600 => CallEndCause.Unavailable,
        _ => CallEndCause.Declined,
    };
}
