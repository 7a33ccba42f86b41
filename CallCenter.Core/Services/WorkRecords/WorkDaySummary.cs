namespace CallCenter.Core.Services.WorkRecords;

/// <summary>Totals of an agent's day.</summary>
/// <param name="Calls">Calls offered to or made by the agent.</param>
/// <param name="CallsAnswered">Of those, answered.</param>
/// <param name="TalkTime">Talk time of the answered calls.</param>
/// <param name="LoggedInTime">Time logged in: the sum of the day's (clipped) state intervals.</param>
/// <param name="NotReadyTime">Time NotReady, all reasons.</param>
/// <param name="NotReadyByReason">Time NotReady per reason, longest first.</param>
public sealed record WorkDaySummary(
    int Calls,
    int CallsAnswered,
    TimeSpan TalkTime,
    TimeSpan LoggedInTime,
    TimeSpan NotReadyTime,
    IReadOnlyList<NotReadyReasonTime> NotReadyByReason);
