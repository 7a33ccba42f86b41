using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace CallCenter.Telephony.Sip.Transport;

/// <summary>
/// Refuses destinations a SIP server must never send to: multicast, the limited broadcast address and
/// the directed broadcast addresses of this machine's subnets. A forged Via (RFC 4475 §3.3.x, "bcast")
/// must not turn the stack into an amplifier (RFC 3261 §26.3.2.3 asks not to reflect to arbitrary hosts).
/// </summary>
public static class SipAddressGuard
{
    private static readonly Lazy<HashSet<IPAddress>> s_directedBroadcasts = new(LoadDirectedBroadcasts);

    /// <summary>True when <paramref name="address"/> is a unicast address we may send to.</summary>
    public static bool IsUnicast(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            return !address.IsIPv6Multicast && !address.Equals(IPAddress.IPv6Any);
        }
        Span<byte> bytes = stackalloc byte[4];
        address.TryWriteBytes(bytes, out _);
        // 224.0.0.0/4 multicast, 240.0.0.0/4 reserved (and 255.255.255.255 limited broadcast), 0.0.0.0/8 "this network".
        if (bytes[0] >= 224 || bytes[0] == 0)
        {
            return false;
        }
        return !s_directedBroadcasts.Value.Contains(address);
    }

    private static HashSet<IPAddress> LoadDirectedBroadcasts()
    {
        var set = new HashSet<IPAddress>();
        try
        {
            foreach (var nic in NetworkInterface.GetAllNetworkInterfaces())
            {
                foreach (var unicast in nic.GetIPProperties().UnicastAddresses)
                {
                    if (unicast.Address.AddressFamily != AddressFamily.InterNetwork || unicast.PrefixLength is <= 0 or >= 31)
                    {
                        continue;
                    }
                    var host = unicast.Address.GetAddressBytes();
                    var mask = uint.MaxValue << (32 - unicast.PrefixLength);
                    var value = ((uint)host[0] << 24) | ((uint)host[1] << 16) | ((uint)host[2] << 8) | host[3];
                    var broadcast = value | ~mask;
                    set.Add(new IPAddress([(byte)(broadcast >> 24), (byte)(broadcast >> 16), (byte)(broadcast >> 8), (byte)broadcast]));
                }
            }
        }
        catch (NetworkInformationException)
        {
            // Without interface data only the fixed ranges are refused.
        }
        return set;
    }
}
