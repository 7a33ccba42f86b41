using System.Collections.Concurrent;

using CallCenter.Telephony.Routing;

namespace CallCenter.Tests.Calls.Queues;

/// <summary>A blacklist of exact numbers for a Telephony-only host (Core's matches prefixes and expiry too); remembers what it blocked.</summary>
internal sealed class ListBlacklist(params string[] numbers) : IBlacklist
{
    public ConcurrentQueue<(string Caller, string Dialled)> Blocked { get; } = new();

    public ValueTask<BlacklistMatch?> CheckAsync(string callerNumber, CancellationToken cancellationToken) =>
        ValueTask.FromResult(numbers.Contains(callerNumber) ? new BlacklistMatch(Guid.Empty, callerNumber, false, "恶意骚扰") : null);

    public void ReportBlocked(BlacklistMatch match, string callerNumber, string dialledNumber, Guid callId) =>
        Blocked.Enqueue((callerNumber, dialledNumber));
}
