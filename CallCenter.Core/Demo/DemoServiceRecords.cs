using CallCenter.Core.Domain;
using CallCenter.Core.Services.ServiceRecords;

namespace CallCenter.Core.Demo;

/// <summary>受理记录 written after a share of the answered customer calls.</summary>
internal static class DemoServiceRecords
{
    private const double Share = 0.4;

    private static readonly (string Category, double Weight, string[] Contents)[] Categories =
    [
        (ServiceRecordCategories.Consult, 0.45,
        [
            "咨询产品价格及优惠活动，已详细介绍当前促销政策。",
            "询问订单发货时间，已查询物流信息并告知预计到达日期。",
            "咨询营业时间和门店地址，已告知。",
            "咨询发票开具流程，已说明所需资料。",
            "询问会员积分使用规则，已解答。",
        ]),
        (ServiceRecordCategories.Complaint, 0.10,
        [
            "投诉快递送货延迟三天，已联系物流加急处理并致歉。",
            "投诉上次来电等待时间过长，已记录并反馈班长。",
            "投诉收到的商品外包装破损，已安排换货。",
            "投诉重复扣费，已提交财务核查并承诺三个工作日内回复。",
        ]),
        (ServiceRecordCategories.Repair, 0.20,
        [
            "反映设备无法开机，已预约工程师上门检修。",
            "空调制冷效果差，已安排售后师傅次日上门。",
            "打印机频繁卡纸，远程指导后仍未解决，已派单上门。",
            "网络设备指示灯异常，已派单维修。",
        ]),
        (ServiceRecordCategories.Suggestion, 0.05,
        [
            "建议增加夜间人工服务时段，已记录并反馈相关部门。",
            "建议官网增加订单实时查询功能，已转产品部门。",
            "建议简化退货流程，已记录。",
        ]),
        (ServiceRecordCategories.Business, 0.20,
        [
            "办理套餐变更，已按客户要求变更为企业版。",
            "申请开具增值税专用发票，已提交财务处理。",
            "办理会员续费，已完成。",
            "修改收货地址，已更新系统信息。",
            "申请延长保修，已登记办理。",
        ]),
    ];

    public static IReadOnlyList<string> CategoryNames { get; } = Categories.Select(c => c.Category).ToArray();

    /// <param name="always">A customer whose every answered call gets a record (the contract's 张伟).</param>
    public static List<ServiceRecord> Create(IEnumerable<Call> calls, Guid? always, DateTimeOffset now, Random random)
    {
        var records = new List<ServiceRecord>();
        foreach (var call in calls)
        {
            if (call.AnsweredAt is null || call.CustomerId is not { } customerId || (customerId != always && random.NextDouble() >= Share))
            {
                continue;
            }
            var (category, contents) = PickCategory(random);
            var createdAt = Min(now, call.EndedAt!.Value.AddSeconds(random.Next(20, 300)));
            var status = Status(category, (now - createdAt).TotalDays, random);
            records.Add(new ServiceRecord
            {
                CustomerId = customerId,
                CallId = call.Id,
                AgentId = call.AgentId,
                Category = category,
                Content = random.Pick(contents),
                Status = status,
                FollowUpAt = status is ServiceRecordStatus.Open or ServiceRecordStatus.InProgress ? createdAt.AddDays(random.Next(1, 4)) : null,
                CreatedAt = createdAt,
                UpdatedAt = status == ServiceRecordStatus.Open ? createdAt : Min(now, createdAt.AddHours(random.Next(1, 72))),
            });
        }
        return records;
    }

    private static (string Category, string[] Contents) PickCategory(Random random)
    {
        var r = random.NextDouble();
        foreach (var (category, weight, contents) in Categories)
        {
            if (r < weight)
            {
                return (category, contents);
            }
            r -= weight;
        }
        return (Categories[0].Category, Categories[0].Contents);
    }

    // Old records are mostly settled; complaints and repairs stay open longest.
    private static ServiceRecordStatus Status(string category, double ageDays, Random random)
    {
        var slow = category is "投诉" or "报修";
        var settled = ageDays > (slow ? 10 : 3) ? 0.95 : ageDays > 1 ? 0.6 : 0.3;
        if (random.NextDouble() < settled)
        {
            return random.NextDouble() < 0.6 ? ServiceRecordStatus.Closed : ServiceRecordStatus.Resolved;
        }
        return random.NextDouble() < 0.5 ? ServiceRecordStatus.Open : ServiceRecordStatus.InProgress;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
