namespace CallCenter.Telephony.Sdp;

/// <summary>A c= line (RFC 4566 §5.7): "IN IP4 192.0.2.10".</summary>
/// <param name="NetworkType">Always "IN" in practice.</param>
/// <param name="AddressType">"IP4" or "IP6".</param>
/// <param name="Address">The unicast address (TTL/count suffixes of multicast are kept as written).</param>
public sealed record SdpConnection(string NetworkType, string AddressType, string Address)
{
    /// <summary>An IPv4 or IPv6 "IN" connection for an address.</summary>
    public static SdpConnection For(System.Net.IPAddress address) =>
        new("IN", address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? "IP6" : "IP4", address.ToString());

    /// <inheritdoc/>
    public override string ToString() => $"{NetworkType} {AddressType} {Address}";
}
