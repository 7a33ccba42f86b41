namespace CallCenter.Core.Services.WorkRecords;

/// <summary>工作记录: one agent's local day, its calls, state intervals, service records and their summary.</summary>
/// <param name="AgentId">The agent.</param>
/// <param name="AgentName">Its name.</param>
/// <param name="WorkNumber">Its 工号.</param>
/// <param name="Extension">Its extension.</param>
/// <param name="Date">The call center's local day.</param>
/// <param name="Calls">The calls it took or made that day, in order.</param>
/// <param name="Intervals">Its state intervals, clipped to the day (and to now), in order.</param>
/// <param name="ServiceRecords">The service records it wrote that day, in order.</param>
/// <param name="Summary">Totals of the day.</param>
public sealed record WorkDay(
    Guid AgentId,
    string AgentName,
    string WorkNumber,
    string Extension,
    DateOnly Date,
    IReadOnlyList<WorkDayCall> Calls,
    IReadOnlyList<WorkDayInterval> Intervals,
    IReadOnlyList<WorkDayServiceRecord> ServiceRecords,
    WorkDaySummary Summary);
