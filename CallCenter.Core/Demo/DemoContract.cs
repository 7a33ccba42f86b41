using CallCenter.Core.Domain;

namespace CallCenter.Core.Demo;

/// <summary>
/// The demo organisation's fixed facts as docs/CONTRACT.md states them. Outside checks rely on
/// them, so they change only together with that page.
/// </summary>
public static class DemoContract
{
    /// <summary>Every demo web user's password.</summary>
    public const string Password = "Demo@2026";

    public const string SalesGroup = "销售组";
    public const string SupportGroup = "客服组";

    /// <summary>Higher is offered first; the contract wants the leader first in both groups.</summary>
    public const int LeaderPriority = 10;
    public const int AgentPriority = 5;

    public const string SalesQueue = "sales";
    public const string SupportQueue = "support";
    public const string OperatorQueue = "operator";
    public const string MainIvrFlow = "main";

    public const int RingTimeoutSeconds = 15;
    public const int WrapUpSeconds = 5;
    public const int MaxWaitSeconds = 120;

    public const string ZhangWeiNumber = "13800138000";
    public const string ZhangWeiCompany = "上海示例贸易有限公司";
    public const string LiNaNumber = "13700137000";
    public const string BlacklistedNumber = "13900139000";
    public const string BlacklistReason = "恶意骚扰";

    public const string LeaderUserName = "leader";

    public static readonly IReadOnlyList<DemoStaffMember> Staff =
    [
        new("manager", "钱建国", Roles.Manager),
        new("supervisor", "孙丽华", Roles.Supervisor),
        new(LeaderUserName, "王芳", Roles.ShiftLeader, "1000", InSales: true, InSupport: true),
        new("agent01", "李静", Roles.Agent, "1001", InSales: true),
        new("agent02", "张磊", Roles.Agent, "1002", InSales: true),
        new("agent03", "刘洋", Roles.Agent, "1003", InSales: true),
        new("agent04", "陈晨", Roles.Agent, "1004", InSales: true),
        new("agent05", "杨帆", Roles.Agent, "1005", InSales: true),
        new("agent06", "赵敏", Roles.Agent, "1006", InSupport: true),
        new("agent07", "黄丽", Roles.Agent, "1007", InSupport: true),
        new("agent08", "周杰", Roles.Agent, "1008", InSupport: true),
        new("agent09", "吴婷", Roles.Agent, "1009", InSupport: true),
        new("agent10", "徐明", Roles.Agent, "1010", InSupport: true),
    ];

    /// <summary>Dialled number → where it leads.</summary>
    public static readonly IReadOnlyList<(string Number, RouteTargetType Type, string? Target, string Description)> Numbers =
    [
        ("4000", RouteTargetType.IvrFlow, MainIvrFlow, "总机：主语音菜单"),
        ("4001", RouteTargetType.Queue, SalesQueue, "销售热线"),
        ("4002", RouteTargetType.Queue, SupportQueue, "客服热线"),
        ("4003", RouteTargetType.InfoService, null, "信息查询（声讯服务）"),
        ("4004", RouteTargetType.Queue, OperatorQueue, "人工服务"),
        ("9196", RouteTargetType.EchoTest, null, "回声测试"),
    ];

    public static IEnumerable<DemoStaffMember> CallTakers => Staff.Where(s => s.TakesCalls);
}
