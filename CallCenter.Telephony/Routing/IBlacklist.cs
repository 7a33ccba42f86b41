namespace CallCenter.Telephony.Routing;

/// <summary>
/// The blacklist port (黑名单; Core implements it over BlacklistEntries from a cached snapshot): checked for every
/// new call before it is routed, so <see cref="CheckAsync"/> answers from memory (it may wait once, for the first load).
/// </summary>
public interface IBlacklist
{
    /// <summary>The entry that blocks <paramref name="callerNumber"/> now (exact number first, else the longest prefix; expired entries never match), or null.</summary>
    ValueTask<BlacklistMatch?> CheckAsync(string callerNumber, CancellationToken cancellationToken);

    /// <summary>Counts and logs a blocked attempt (off the SIP path: implementations only queue).</summary>
    void ReportBlocked(BlacklistMatch match, string callerNumber, string dialledNumber, Guid callId);
}

/// <summary>A blacklist entry that matched.</summary>
/// <param name="EntryId">The entry's id in Core.</param>
/// <param name="Number">The listed number or prefix.</param>
/// <param name="IsPrefix">True for a prefix entry.</param>
/// <param name="Reason">Why it is listed.</param>
public sealed record BlacklistMatch(Guid EntryId, string Number, bool IsPrefix, string Reason);
