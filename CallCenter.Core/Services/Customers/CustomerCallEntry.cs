using CallCenter.Core.Domain;

namespace CallCenter.Core.Services.Customers;

/// <summary>A call in a customer's history.</summary>
/// <param name="CallId">The call.</param>
/// <param name="OfferedAt">When it came in (or was placed).</param>
/// <param name="Direction">Inbound, outbound, internal.</param>
/// <param name="Number">The customer's side: the caller of an inbound call, the number dialled of an outbound one.</param>
/// <param name="AgentName">Who took it, if anyone.</param>
/// <param name="QueueName">The queue it waited in, if any (display name).</param>
/// <param name="WaitSeconds">Time waiting.</param>
/// <param name="TalkSeconds">Time talking.</param>
/// <param name="EndCause">Why it ended (normal, busy, abandoned...).</param>
/// <param name="Disposition">The agent's wrap-up disposition (处理结果), if given.</param>
/// <param name="RecordingId">Its recording, when there is one (not deleted).</param>
/// <param name="CanPlay">Whether the viewer may play that recording (the rule of the recording endpoint, which checks again).</param>
public sealed record CustomerCallEntry(
    Guid CallId,
    DateTimeOffset OfferedAt,
    CallDirection Direction,
    string Number,
    string? AgentName,
    string? QueueName,
    int WaitSeconds,
    int TalkSeconds,
    string? EndCause,
    string? Disposition,
    Guid? RecordingId,
    bool CanPlay);
