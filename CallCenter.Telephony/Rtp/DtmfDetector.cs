namespace CallCenter.Telephony.Rtp;

/// <summary>
/// Turns a stream of RFC 4733 telephone-event packets into one digit per key press. All packets of one
/// event share its timestamp (RFC 4733 §2.5.1.2) and the end packet is sent three times (§2.5.1.4), so
/// an event is reported once, on the first end packet of a (SSRC, timestamp) not reported before. Not
/// thread-safe: one per receive loop.
/// </summary>
public sealed class DtmfDetector
{
    private uint _lastSsrc;
    private uint _lastTimestamp;
    private bool _hasLast;

    /// <summary>The telephone-event payload type to look for (negotiated in SDP), or -1 for none.</summary>
    public int PayloadType { get; set; } = 101;

    /// <summary>Looks at a packet; true (with the digit) when it completes a key press not reported yet.</summary>
    public bool TryDetect(in RtpPacket packet, out char digit)
    {
        digit = '\0';
        if (packet.PayloadType != PayloadType || !TelephoneEvent.TryParse(packet.Payload, out TelephoneEvent e) || !e.End)
        {
            return false;
        }
        if (_hasLast && _lastSsrc == packet.Ssrc && _lastTimestamp == packet.Timestamp)
        {
            return false;
        }
        _hasLast = true;
        _lastSsrc = packet.Ssrc;
        _lastTimestamp = packet.Timestamp;
        digit = e.Digit;
        return digit != '\0';
    }
}
