namespace CallCenter.Telephony.Sip.Transactions;

/// <summary>The base timer values of RFC 3261 §17.1.1.1 and Table 4; every other timer derives from them.</summary>
public sealed record SipTransactionTimers
{
    /// <summary>RTT estimate, 500 ms.</summary>
    public TimeSpan T1 { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Maximum retransmit interval for non-INVITE requests and INVITE responses, 4 s.</summary>
    public TimeSpan T2 { get; init; } = TimeSpan.FromSeconds(4);

    /// <summary>Maximum time a message stays in the network, 5 s.</summary>
    public TimeSpan T4 { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>When an INVITE server transaction sends 100 Trying if the TU has not answered (RFC 3261 §17.2.1).</summary>
    public TimeSpan TryingDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Timer D: at least 32 s for UDP (RFC 3261 §17.1.1.2).</summary>
    public static TimeSpan TimerD { get; } = TimeSpan.FromSeconds(32);

    /// <summary>Timers B, F, H, J, L, M: 64*T1.</summary>
    public TimeSpan Timeout64T1 => T1 * 64;
}
