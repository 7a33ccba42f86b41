using System.Globalization;
using System.Net;
using System.Net.Sockets;

using CallCenter.Telephony.Routing;
using CallCenter.Telephony.Sip.Transport;

namespace CallCenter.Telephony.Trunks;

/// <summary>Where a trunk's requests go: its outbound proxy (host[:port]) when set, else host:port, over UDP (A records only).</summary>
public static class TrunkEndPoints
{
    /// <summary>Resolves the next hop for <paramref name="trunk"/>; throws when the name has no IPv4 address.</summary>
    public static async Task<SipEndPoint> ResolveAsync(TrunkConfig trunk, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(trunk);
        var host = trunk.Host;
        var port = trunk.Port;
        if (!string.IsNullOrWhiteSpace(trunk.OutboundProxy))
        {
            var proxy = trunk.OutboundProxy.Trim();
            var colon = proxy.LastIndexOf(':');
            if (colon > 0 && int.TryParse(proxy.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var proxyPort))
            {
                host = proxy[..colon];
                port = proxyPort;
            }
            else
            {
                host = proxy;
                port = 5060;
            }
        }
        if (!IPAddress.TryParse(host, out var address))
        {
            var addresses = await Dns.GetHostAddressesAsync(host, AddressFamily.InterNetwork, cancellationToken).ConfigureAwait(false);
            address = addresses.FirstOrDefault() ?? throw new SocketException((int)SocketError.HostNotFound);
        }
        return SipEndPoint.Udp(new IPEndPoint(address, port));
    }

    /// <summary>The trunk's domain for Request-URIs and To/From: host, with the port unless 5060.</summary>
    public static string Domain(TrunkConfig trunk)
    {
        ArgumentNullException.ThrowIfNull(trunk);
        return trunk.Port == 5060 ? trunk.Host : $"{trunk.Host}:{trunk.Port.ToString(CultureInfo.InvariantCulture)}";
    }
}
