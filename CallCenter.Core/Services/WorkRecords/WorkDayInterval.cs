using CallCenter.Core.Domain;

namespace CallCenter.Core.Services.WorkRecords;

/// <summary>A state interval of an agent's day, clipped to the day.</summary>
/// <param name="State">The state.</param>
/// <param name="Reason">The NotReady reason, if any.</param>
/// <param name="Start">Start within the day, in the call center's local time.</param>
/// <param name="End">End within the day (an open interval ends now or at midnight), local time.</param>
/// <param name="IsOpen">Whether the agent is still in this state.</param>
public sealed record WorkDayInterval(AgentState State, string? Reason, DateTimeOffset Start, DateTimeOffset End, bool IsOpen)
{
    /// <summary>The clipped length.</summary>
    public TimeSpan Duration => End - Start;
}
