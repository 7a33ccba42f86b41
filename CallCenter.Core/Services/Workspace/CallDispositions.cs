namespace CallCenter.Core.Services.Workspace;

/// <summary>The wrap-up dispositions (处理结果) an agent gives a call, stored as these codes; pages show them in the user's language.</summary>
public static class CallDispositions
{
    /// <summary>已解决</summary>
    public const string Resolved = "resolved";

    /// <summary>需跟进</summary>
    public const string FollowUp = "follow-up";

    /// <summary>已转接</summary>
    public const string Transferred = "transferred";

    /// <summary>无需处理 (information only)</summary>
    public const string NoAction = "no-action";

    /// <summary>打错电话</summary>
    public const string WrongNumber = "wrong-number";

    /// <summary>其他</summary>
    public const string Other = "other";

    /// <summary>Every code, in the order pages offer them.</summary>
    public static IReadOnlyList<string> All { get; } = [Resolved, FollowUp, Transferred, NoAction, WrongNumber, Other];
}
