namespace CallCenter.Core.Demo;

/// <summary>A NotReady period an agent means to take; it starts late if a call is still going on.</summary>
internal readonly record struct PlannedBreak(int PlannedStart, int DurationSeconds, string Reason);
