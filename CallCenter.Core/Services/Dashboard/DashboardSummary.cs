namespace CallCenter.Core.Services.Dashboard;

/// <summary>The figures on the home page of managers and administrators.</summary>
public sealed record DashboardSummary(int ActiveAgents, int Queues, int CallsToday, int AnsweredToday);
