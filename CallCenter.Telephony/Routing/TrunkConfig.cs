namespace CallCenter.Telephony.Routing;

/// <summary>A SIP trunk to a carrier, as the engine needs it.</summary>
/// <param name="Id">The trunk's id in Core.</param>
/// <param name="Name">Its name, for logs.</param>
/// <param name="Host">The carrier's host name or address.</param>
/// <param name="Port">The carrier's SIP port.</param>
/// <param name="OutboundProxy">Where to send requests instead of <paramref name="Host"/> (host[:port]), if set.</param>
/// <param name="Register">True when the engine must register with the carrier.</param>
/// <param name="Username">Digest user name for the carrier's challenges.</param>
/// <param name="Password">Digest password, in clear (held in memory only).</param>
/// <param name="CallerId">Caller-ID presented on outbound calls.</param>
/// <param name="AllowedSources">Source addresses (IP literals or host names) accepted for inbound calls.</param>
/// <param name="OutboundPrefix">Prefix of dialled numbers that selects this trunk; stripped before dialling out.</param>
public sealed record TrunkConfig(
    Guid Id,
    string Name,
    string Host,
    int Port,
    string? OutboundProxy,
    bool Register,
    string? Username,
    string? Password,
    string? CallerId,
    IReadOnlyList<string> AllowedSources,
    string? OutboundPrefix);
