namespace CallCenter.Telephony.Sdp;

/// <summary>The o= line (RFC 4566 §5.2): "username sess-id sess-version nettype addrtype unicast-address".</summary>
/// <param name="Username">The user name, "-" when none.</param>
/// <param name="SessionId">The session id (kept as text: some phones send more than 64 bits).</param>
/// <param name="SessionVersion">The version, incremented on each new offer of the same session (RFC 3264 §8).</param>
/// <param name="NetworkType">"IN".</param>
/// <param name="AddressType">"IP4" or "IP6".</param>
/// <param name="Address">The address of the originating host.</param>
public sealed record SdpOrigin(string Username, string SessionId, string SessionVersion, string NetworkType, string AddressType, string Address)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Username} {SessionId} {SessionVersion} {NetworkType} {AddressType} {Address}";
}
