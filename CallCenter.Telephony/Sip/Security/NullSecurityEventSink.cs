namespace CallCenter.Telephony.Sip.Security;

/// <summary>The sink when the host provides none: events are still logged by <see cref="SipSecurityMonitor"/>.</summary>
public sealed class NullSecurityEventSink : ISecurityEventSink
{
    public void Report(SecurityEvent securityEvent)
    {
    }
}
