namespace CallCenter.Telephony.Routing;

/// <summary>What the call center knows about a caller when its call is offered.</summary>
/// <param name="Number">The caller's number as received.</param>
public sealed record CallerInfo(string Number)
{
    /// <summary>The customer whose phone this number is, or null (unknown caller: the screen pop offers a new-customer form).</summary>
    public Guid? CustomerId { get; init; }

    /// <summary>The customer's name.</summary>
    public string? CustomerName { get; init; }

    /// <summary>The customer's company.</summary>
    public string? Company { get; init; }

    /// <summary>VIP: served ahead of others in queues.</summary>
    public bool IsVip { get; init; }

    /// <summary>Flagged as malicious (恶意来电), a warning for the agent.</summary>
    public bool IsMalicious { get; init; }

    /// <summary>The number is on the blacklist (only seen by agents for calls that reached them anyway, e.g. an expired entry's neighbour).</summary>
    public bool IsBlacklisted { get; init; }

    /// <summary>Where the number is registered (归属地), e.g. "北京市" or "Beijing", in the configured UI culture; null when unknown.</summary>
    public string? Location { get; init; }

    /// <summary>The carrier (运营商) of a mobile number, e.g. "中国移动"; null when unknown.</summary>
    public string? Carrier { get; init; }

    /// <summary>Calls from this number in the last 24 hours (before this one).</summary>
    public int CallsLast24Hours { get; init; }

    /// <summary>Calls from this number in the last 7 days (before this one).</summary>
    public int CallsLast7Days { get; init; }
}
