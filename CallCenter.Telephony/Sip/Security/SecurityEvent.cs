namespace CallCenter.Telephony.Sip.Security;

/// <summary>A security-relevant event on the SIP side: an authentication failure, a ban, a scanner seen.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="At">When.</param>
/// <param name="RemoteAddress">The source address (no port: bans are per address).</param>
/// <param name="User">The user name the request claimed, if any (not proof the user exists).</param>
/// <param name="Details">A short human-readable reason, e.g. "wrong digest", "5 failures in 60 s".</param>
public sealed record SecurityEvent(SecurityEventKind Kind, DateTimeOffset At, string RemoteAddress, string? User, string Details)
{
    /// <summary>The audit action name of <see cref="Kind"/>.</summary>
    public string Action => Kind switch
    {
        SecurityEventKind.AuthFailed => "sip.auth-failed",
        SecurityEventKind.Banned => "sip.banned",
        SecurityEventKind.Scanner => "sip.scanner",
        _ => "sip." + Kind.ToString().ToLowerInvariant(),
    };
}
