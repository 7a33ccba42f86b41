namespace CallCenter.Core.Services.WorkRecords;

/// <summary>The outcome of <see cref="WorkRecordService.ForAgentDayAsync"/>.</summary>
/// <param name="Access">Whether the records were given.</param>
/// <param name="Day">The records when <see cref="WorkRecordAccess.Granted"/>; else null.</param>
public sealed record WorkRecordResult(WorkRecordAccess Access, WorkDay? Day);
