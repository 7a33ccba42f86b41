namespace CallCenter.Telephony.Simulation;

/// <summary>What a <see cref="SimulatedAgentPhone"/> is and how it behaves.</summary>
public sealed record SimulatedAgentPhoneOptions
{
    /// <summary>The extension it registers as (digest user name and From/To user).</summary>
    public required string Extension { get; init; }

    /// <summary>The extension's SIP password.</summary>
    public required string Password { get; init; }

    /// <summary>The Expires it asks for (the server may grant less; it refreshes at half the granted time).</summary>
    public int RegisterExpiresSeconds { get; init; } = 300;

    /// <summary>How each incoming call is taken; null answers every call after 1 s and waits for the far end's BYE.
    /// A call that arrives while another is up is refused 486 whatever this says.</summary>
    public Func<SimulatedCall, IncomingCallPlan?>? AnswerPolicy { get; init; }

    /// <summary>The tone the phone sends in its calls (rounded to a multiple of 50 Hz; 0: silence).</summary>
    public int ToneFrequencyHz { get; init; } = 700;
}
