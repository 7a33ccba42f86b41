namespace CallCenter.Telephony.Simulation;

/// <summary>An extension a simulated agent phone registers as.</summary>
/// <param name="Extension">The extension.</param>
/// <param name="Password">Its SIP password.</param>
public sealed record SimulatedAgentAccount(string Extension, string Password);
