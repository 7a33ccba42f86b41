using CallCenter.Telephony.Sip.Transport;

namespace CallCenter.Telephony.Sip.Security;

/// <summary>The transport's inbound filter: banned and over-rate sources are dropped before parsing.</summary>
public sealed class SipSecurityInboundFilter(SipSecurityMonitor monitor) : ISipInboundFilter
{
    /// <inheritdoc />
    public bool Accept(SipEndPoint source, int length)
    {
        ArgumentNullException.ThrowIfNull(source);
        return monitor.AllowInbound(source.EndPoint);
    }
}
