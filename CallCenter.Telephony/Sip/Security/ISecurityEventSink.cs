namespace CallCenter.Telephony.Sip.Security;

/// <summary>
/// Port: where security events go beyond the log (Core writes them to the audit log). Called on the SIP
/// path, so it must return at once: queue the event, never wait for storage, drop (and count) when full.
/// </summary>
public interface ISecurityEventSink
{
    void Report(SecurityEvent securityEvent);
}
