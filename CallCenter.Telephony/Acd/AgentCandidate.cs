namespace CallCenter.Telephony.Acd;

/// <summary>A Ready queue member as the strategies rank it.</summary>
/// <param name="Extension">The agent's extension.</param>
/// <param name="MemberIndex">Its place in the queue's member order.</param>
/// <param name="MemberPriority">Its membership priority (higher first).</param>
/// <param name="IdleSince">When it last became free.</param>
/// <param name="AnsweredToday">Queue calls answered today.</param>
/// <param name="Skills">Skill name → level.</param>
internal sealed record AgentCandidate(
    string Extension,
    int MemberIndex,
    int MemberPriority,
    DateTimeOffset IdleSince,
    int AnsweredToday,
    IReadOnlyDictionary<string, int> Skills);
