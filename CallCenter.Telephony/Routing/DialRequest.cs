using System.Net;

namespace CallCenter.Telephony.Routing;

/// <summary>What the engine knows about a new call when it asks the <see cref="IDialPlan"/>.</summary>
/// <param name="DialledNumber">The user part of the Request-URI.</param>
/// <param name="CallerNumber">The user part of the From URI (caller identification, blacklist and VIP routing hooks use it).</param>
/// <param name="Source">The address the INVITE came from, if known (trunk matching).</param>
/// <param name="CallerExtension">The caller's extension when an authenticated agent placed the call; null for customers and trunks.</param>
public sealed record DialRequest(string DialledNumber, string CallerNumber, IPEndPoint? Source = null, string? CallerExtension = null);
