namespace CallCenter.Core.Services.WorkRecords;

/// <summary>Time spent NotReady (示忙) for one reason.</summary>
/// <param name="Reason">The reason; null when none was given.</param>
/// <param name="Time">The total.</param>
public sealed record NotReadyReasonTime(string? Reason, TimeSpan Time);
