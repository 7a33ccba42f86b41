namespace CallCenter.Telephony.Rtp;

/// <summary>
/// Turns a stream of RFC 4733 telephone-event packets into one digit per key press. All packets of one
/// event share its timestamp (RFC 4733 §2.5.1.2) and the end packet is sent three times (§2.5.1.4), so
/// an event is reported once, on the first end packet of a (SSRC, timestamp) not reported before, or,
/// when all its end packets were lost, when the next event starts. Not
/// thread-safe: one per receive loop.
/// </summary>
public sealed class DtmfDetector
{
    private uint _lastSsrc;
    private uint _lastTimestamp;
    private bool _hasLast;
    private bool _pending;
    private byte _pendingEvent;
    private uint _pendingSsrc;
    private uint _pendingTimestamp;

    /// <summary>The telephone-event payload type to look for (negotiated in SDP), or -1 for none.</summary>
    public int PayloadType { get; set; } = 101;

    /// <summary>Looks at a packet; true (with the digit) when it completes a key press not reported yet.</summary>
    public bool TryDetect(in RtpPacket packet, out char digit)
    {
        digit = '\0';
        if (packet.PayloadType != PayloadType || !TelephoneEvent.TryParse(packet.Payload, out TelephoneEvent e))
        {
            return false;
        }
        uint ssrc = packet.Ssrc;
        uint timestamp = packet.Timestamp;
        if (_hasLast && _lastSsrc == ssrc && _lastTimestamp == timestamp)
        {
            return false;
        }
        bool otherThanPending = _pending && (_pendingSsrc != ssrc || _pendingTimestamp != timestamp);
        if (otherThanPending)
        {
            // RFC 4733 §2.5.1.4 end packets can all be lost: a new event starting ends the one before.
            // This event is then reported on one of its own end retransmissions.
            Report(_pendingSsrc, _pendingTimestamp);
            digit = TelephoneEvent.ToDigit(_pendingEvent);
            SetPending(e, ssrc, timestamp);
            _pending = !e.End;
            return digit != '\0';
        }
        if (!e.End)
        {
            SetPending(e, ssrc, timestamp);
            return false;
        }
        _pending = false;
        Report(ssrc, timestamp);
        digit = e.Digit;
        return digit != '\0';
    }

    private void SetPending(TelephoneEvent e, uint ssrc, uint timestamp)
    {
        _pending = true;
        _pendingEvent = e.Event;
        _pendingSsrc = ssrc;
        _pendingTimestamp = timestamp;
    }

    private void Report(uint ssrc, uint timestamp)
    {
        _hasLast = true;
        _lastSsrc = ssrc;
        _lastTimestamp = timestamp;
    }
}
