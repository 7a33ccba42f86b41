namespace CallCenter.Telephony.Recording;

/// <summary>What the catalogue is told about a call when its bridge starts, to decide and to catalogue.</summary>
/// <param name="CallId">The call's id (<c>CallEventStream.NewCallId</c>).</param>
/// <param name="CallerNumber">The caller (From user part).</param>
/// <param name="DialledNumber">The number dialled (Request-URI user part, as in <c>CallOffered</c>).</param>
/// <param name="QueueKey">The queue that delivered the call, or null.</param>
/// <param name="AgentExtension">The extension of the agent on leg B, or null.</param>
/// <param name="Force">Record whatever the rules say (an on-demand start from call control).</param>
public sealed record RecordingRequest(
    Guid CallId,
    string CallerNumber,
    string DialledNumber,
    string? QueueKey,
    string? AgentExtension,
    bool Force = false);
