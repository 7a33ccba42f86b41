using System.Globalization;
using System.Net;

using CallCenter.Telephony.Sip.Messages;

namespace CallCenter.Telephony.Sip.Transport;

/// <summary>RFC 3581 received/rport on receipt and RFC 3261 §18.2.2 response routing by the top Via.</summary>
public static class SipViaRouting
{
    /// <summary>
    /// RFC 3261 §18.2.1 and RFC 3581 §4: adds <c>received</c> when the top Via's sent-by host is not the
    /// source address, and fills an empty <c>rport</c> with the source port (adding received then too).
    /// </summary>
    public static void StampReceived(SipRequest request, SipEndPoint source)
    {
        var headers = request.Headers;
        var index = -1;
        for (var i = 0; i < headers.Count; i++)
        {
            if (ReferenceEquals(headers[i].Name, SipHeaderNames.Via))
            {
                index = i;
                break;
            }
        }
        if (index < 0 || !SipVia.TryParse(headers[index].Value, out var via))
        {
            return;
        }
        var address = Normalize(source.EndPoint.Address);
        var changed = false;
        var rportRequested = via.HasRPort && via.RPort is null;
        if (rportRequested)
        {
            via.Parameters.Set("rport", source.EndPoint.Port.ToString(CultureInfo.InvariantCulture));
            changed = true;
        }
        var sameHost = IPAddress.TryParse(via.Host.Trim('[', ']'), out var sentBy) && Normalize(sentBy).Equals(address);
        if (!sameHost || rportRequested)
        {
            // RFC 3581 §4: with rport, received is added even when the host matches.
            via.Parameters.Set("received", address.ToString());
            changed = true;
        }
        if (changed)
        {
            headers.SetValueAt(index, via.ToString());
        }
    }

    /// <summary>
    /// Where a response goes (RFC 3261 §18.2.2, RFC 3581 §4): over TCP back to the request's source (the
    /// same connection); over UDP to received (or the sent-by host) at rport (or the sent-by port, 5060).
    /// maddr is ignored: we never send to a multicast group a Via names. Null when the Via gives no usable
    /// address (a host name is not resolved: a response goes back where the request came from).
    /// </summary>
    public static SipEndPoint? ResponseDestination(SipResponse response, SipEndPoint requestSource)
    {
        if (requestSource.IsReliable)
        {
            return requestSource;
        }
        if (response.TopVia is not { } via)
        {
            return null;
        }
        IPAddress? address = null;
        if (via.Received is { } received && IPAddress.TryParse(received, out var r))
        {
            address = r;
        }
        else if (IPAddress.TryParse(via.Host.Trim('[', ']'), out var h))
        {
            address = h;
        }
        else
        {
            // A host name in sent-by: RFC 3263 would resolve it; the source address is where the request came from.
            address = requestSource.EndPoint.Address;
        }
        var port = via.RPort ?? via.Port ?? 5060;
        return SipEndPoint.Udp(new IPEndPoint(address, port));
    }

    private static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
