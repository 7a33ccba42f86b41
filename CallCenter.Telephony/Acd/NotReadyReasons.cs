namespace CallCenter.Telephony.Acd;

/// <summary>
/// The reasons an agent is NotReady (示忙). Stored as these codes; pages show them in the user's language.
/// Agents may give any of the first five; the last two are set by the system.
/// </summary>
public static class NotReadyReasons
{
    /// <summary>休息 (also what a phone's *62 sets).</summary>
    public const string Break = "break";

    /// <summary>用餐</summary>
    public const string Meal = "meal";

    /// <summary>培训</summary>
    public const string Training = "training";

    /// <summary>会议</summary>
    public const string Meeting = "meeting";

    /// <summary>其他</summary>
    public const string Other = "other";

    /// <summary>未接来电: set by the ACD after the agent's configured number of unanswered offers in a row.</summary>
    public const string MissedCall = "missed-call";

    /// <summary>话机离线: set when the agent's phone un-registers (or its registration expires) while logged in.</summary>
    public const string PhoneOffline = "phone-offline";

    /// <summary>The reasons an agent may choose itself.</summary>
    public static IReadOnlyList<string> Chosen { get; } = [Break, Meal, Training, Meeting, Other];

    /// <summary>True for a reason this stack knows.</summary>
    public static bool IsKnown(string? reason) => reason is not null && (Chosen.Contains(reason) || reason is MissedCall or PhoneOffline);
}
