namespace CallCenter.Telephony.Simulation;

/// <summary>How a simulated phone takes one incoming call.</summary>
/// <param name="AnswerDelay">Ringing time before the 200 (from the INVITE's arrival).</param>
/// <param name="TalkTime">Time in the call before this phone sends BYE; null: it waits for the far end's BYE.</param>
public readonly record struct IncomingCallPlan(TimeSpan AnswerDelay, TimeSpan? TalkTime);
