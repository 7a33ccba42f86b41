using CallCenter.Telephony.Media;
using CallCenter.Telephony.Sip.Dialogs;
using CallCenter.Telephony.Sip.Messages;
using CallCenter.Telephony.Sip.Transport;

namespace CallCenter.Telephony.Calls;

/// <summary>One side of a <see cref="CallSession"/>: its dialog, where its requests go and the SDP we gave it.</summary>
public sealed class CallLeg(CallSession session, CallParty party, SipEndPoint destination, Guid legId)
{
    /// <summary>The leg's id on the call event stream (Core's <c>CallLeg.Id</c>).</summary>
    public Guid LegId { get; } = legId;

    /// <summary>The call this leg belongs to.</summary>
    public CallSession Session { get; } = session;

    /// <summary>Caller (A) or callee (B).</summary>
    public CallParty Party { get; } = party;

    /// <summary>
    /// Where requests to this leg are sent: the source of the caller's INVITE, or the remembered source of
    /// the callee's REGISTER (phones behind NAT, RFC 5626 §5.3 idea), not the Contact's address.
    /// </summary>
    public SipEndPoint Destination { get; } = destination;

    /// <summary>The dialog once established (2xx); null before.</summary>
    public SipDialog? Dialog { get; set; }

    /// <summary>For the B leg: the INVITE we sent (for CANCEL, RFC 3261 §9.1).</summary>
    public SipRequest? Invite { get; set; }

    /// <summary>This leg's anchored media (its RTP endpoint and offer/answer state), or null (echo test).</summary>
    public MediaSession? Media { get; set; }

    /// <summary>The SDP we last gave this leg (offer or answer), answered again on a re-INVITE.</summary>
    public ReadOnlyMemory<byte> LocalSdp { get; set; }

    /// <summary>The agent's extension when this leg is an agent's phone (it authenticated as, or was called at, that extension); else null.</summary>
    public string? Extension { get; set; }

    /// <summary>The number this leg reaches or comes from (the caller's number, the dialled extension or outside number).</summary>
    public string Number { get; set; } = "";

    /// <summary>For a supervisor's leg: the agent it monitors (whispers to).</summary>
    public CallLeg? MonitoredAgent { get; set; }

    /// <summary>True once this leg's end was published (a leg may end before its call: a transferred agent, a consulted party).</summary>
    public bool Ended { get; set; }
}
