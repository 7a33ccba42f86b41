using CallCenter.Core.Domain;

namespace CallCenter.Core.Services.Recordings;

/// <summary>
/// Which calls are recorded (录音规则). A rule can be set on the agent who takes the call, on the number the
/// caller dialled and on the queue that delivered it; agents and numbers may also inherit (no rule).
/// The most specific rule that is set decides: agent, then dialled number, then queue; with none set the
/// call is recorded (every bridged call is, unless a rule says otherwise). All records, None does not,
/// Selective records only a call whose caller number or dialled number is in that rule's list
/// (电话筛选录音). An on-demand start (force) records whatever the rules say.
/// </summary>
public static class RecordingRules
{
    /// <summary>Whether a call is recorded.</summary>
    /// <param name="agent">The agent's rule, null to inherit or when no agent.</param>
    /// <param name="number">The dialled number's rule, null to inherit or when the number has none.</param>
    /// <param name="queue">The queue's rule, null when no queue delivered the call.</param>
    /// <param name="callerNumber">The caller.</param>
    /// <param name="dialledNumber">The number dialled.</param>
    /// <param name="force">An on-demand start.</param>
    public static bool Decide(RecordingRuleSet? agent, RecordingRuleSet? number, RecordingRuleSet? queue, string callerNumber, string dialledNumber, bool force)
    {
        if (force)
        {
            return true;
        }
        var rule = agent ?? number ?? queue;
        return rule?.Rule switch
        {
            null or RecordingRule.All => true,
            RecordingRule.None => false,
            _ => rule.Numbers.Contains(callerNumber) || rule.Numbers.Contains(dialledNumber),
        };
    }
}
