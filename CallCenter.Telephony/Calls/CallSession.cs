using CallCenter.Telephony.Routing;
using CallCenter.Telephony.Sip.Transport;

namespace CallCenter.Telephony.Calls;

/// <summary>
/// The in-memory state of one call through the B2BUA: the caller's leg (A), the callee's leg (B, absent
/// for the echo test), the media, and its end, which happens once. Held by <see cref="CallRegistry"/>
/// from the INVITE until the call ends.
/// </summary>
public sealed partial class CallSession : IDisposable
{
    private readonly CancellationTokenSource _lifetime = new();
    private int _ended;

    /// <summary>Starts a call for an INVITE from <paramref name="callerSource"/>.</summary>
    public CallSession(string id, Guid callId, Guid callerLegId, string from, string to, RouteTarget target, SipEndPoint callerSource, DateTimeOffset startedAt)
    {
        Id = id;
        CallId = callId;
        From = from;
        To = to;
        Target = target;
        StartedAt = startedAt;
        Caller = new CallLeg(this, CallParty.Caller, callerSource, callerLegId);
    }

    /// <summary>The registry key: the caller's SIP Call-ID.</summary>
    public string Id { get; }

    /// <summary>The call's id on the <see cref="Events.CallEventStream"/> (Core's <c>Call.Id</c>).</summary>
    public Guid CallId { get; }

    /// <summary>Where the dial plan sent the call.</summary>
    public RouteTarget Target { get; }

    /// <summary>The caller's number: the user part of From.</summary>
    public string From { get; }

    /// <summary>The dialled number.</summary>
    public string To { get; }

    /// <summary>When the INVITE arrived.</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>When the call was answered, or null.</summary>
    public DateTimeOffset? AnsweredAt { get; set; }

    /// <summary>The A leg: the caller, or whoever took its place in a transfer the caller's side made.</summary>
    public CallLeg Caller { get; set; }

    /// <summary>The B leg, once the callee is being called.</summary>
    public CallLeg? Callee { get; set; }

    /// <summary>True once the end has begun.</summary>
    public bool IsEnded => Volatile.Read(ref _ended) != 0;

    /// <summary>Cancelled when the call ends: stops ringing and media.</summary>
    public CancellationToken Ending => _lifetime.Token;

    /// <summary>The other leg of <paramref name="leg"/>, or null.</summary>
    public CallLeg? Other(CallLeg leg) => ReferenceEquals(leg, Caller) ? Callee : Caller;

    /// <summary>True for the one caller that gets to end the call.</summary>
    public bool TryBeginEnd()
    {
        if (Interlocked.Exchange(ref _ended, 1) != 0)
        {
            return false;
        }
        _lifetime.Cancel();
        return true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        MaxDurationTimer?.Dispose();
        DisposeMedia();
        _consultCancel.Dispose();
        _lifetime.Dispose();
    }
}
