namespace CallCenter.Telephony.Sip.Transport;

/// <summary>
/// Asked for every inbound datagram or framed TCP message before it is queued or parsed, with its
/// source only: the hook for per-address rate limits and block lists (the abuse protection plugs in
/// here). Runs on the receive loop, so it must be fast and must not block.
/// </summary>
public interface ISipInboundFilter
{
    /// <summary>True to let the message in; false drops it silently (counted as filtered).</summary>
    /// <param name="source">Where the message came from.</param>
    /// <param name="length">Its size in bytes.</param>
    bool Accept(SipEndPoint source, int length);
}
