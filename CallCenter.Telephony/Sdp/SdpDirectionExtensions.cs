namespace CallCenter.Telephony.Sdp;

/// <summary>Helpers over <see cref="SdpDirection"/>.</summary>
public static class SdpDirectionExtensions
{
    /// <summary>The direction an answer takes for an offered direction (RFC 3264 §6.1: sendonly ↔ recvonly, inactive stays inactive).</summary>
    public static SdpDirection Mirror(this SdpDirection offered) => offered switch
    {
        SdpDirection.SendOnly => SdpDirection.RecvOnly,
        SdpDirection.RecvOnly => SdpDirection.SendOnly,
        SdpDirection.Inactive => SdpDirection.Inactive,
        _ => SdpDirection.SendRecv,
    };

    /// <summary>The attribute name for the direction ("sendrecv", "sendonly", "recvonly", "inactive").</summary>
    public static string ToAttributeName(this SdpDirection direction) => direction switch
    {
        SdpDirection.SendOnly => "sendonly",
        SdpDirection.RecvOnly => "recvonly",
        SdpDirection.Inactive => "inactive",
        _ => "sendrecv",
    };

    /// <summary>Whether media flows toward the describer (it receives).</summary>
    public static bool Receives(this SdpDirection direction) => direction is SdpDirection.SendRecv or SdpDirection.RecvOnly;

    /// <summary>Whether media flows from the describer (it sends).</summary>
    public static bool Sends(this SdpDirection direction) => direction is SdpDirection.SendRecv or SdpDirection.SendOnly;
}
