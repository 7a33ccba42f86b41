namespace CallCenter.Telephony.Sip.Registrar;

/// <summary>One Contact of a REGISTER, its expiration already worked out (0 removes it).</summary>
/// <param name="Uri">The URI as sent.</param>
/// <param name="Parameters">Header parameters other than expires, as sent.</param>
/// <param name="ExpiresSeconds">The granted expiration, 0 to remove.</param>
public sealed record ContactUpdate(string Uri, string Parameters, int ExpiresSeconds);
