using CallCenter.Core.Domain;

namespace CallCenter.Core.Services.WorkRecords;

/// <summary>A call of an agent's day.</summary>
/// <param name="CallId">The call.</param>
/// <param name="OfferedAt">When it began, in the call center's local time.</param>
/// <param name="Direction">Inbound, outbound or internal.</param>
/// <param name="Number">The other party's number: the caller of an inbound call, the dialled number of an outbound one.</param>
/// <param name="CustomerName">The customer identified by the number, if any.</param>
/// <param name="QueueName">The queue it came through, if any.</param>
/// <param name="WaitSeconds">Time before it was answered (or abandoned).</param>
/// <param name="TalkSeconds">Talk time.</param>
/// <param name="Answered">Whether it was answered.</param>
/// <param name="EndCause">Why it ended.</param>
/// <param name="RecordingId">Its recording, to play from /recordings/{id}; null when none.</param>
public sealed record WorkDayCall(
    Guid CallId,
    DateTimeOffset OfferedAt,
    CallDirection Direction,
    string Number,
    string? CustomerName,
    string? QueueName,
    int WaitSeconds,
    int TalkSeconds,
    bool Answered,
    string? EndCause,
    Guid? RecordingId);
