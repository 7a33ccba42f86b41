using CallCenter.Core.Domain;

namespace CallCenter.Core.Demo;

/// <summary>What the information service (4003) tells callers who key in a code.</summary>
internal static class DemoInfoItems
{
    public static IEnumerable<InfoItem> Create(DateTimeOffset now) =>
    [
        Item("101", "公司信息", "营业时间", "人工服务时间为每天上午八点至晚上十点，其余时间请留言，我们将在上班后尽快回电。", now),
        Item("102", "公司信息", "公司地址", "公司地址：上海市浦东新区世纪大道一百号示例大厦十八楼，地铁二号线世纪大道站三号口出。", now),
        Item("201", "产品信息", "产品价格", "标准版每年一千二百元，企业版每年三千六百元，均含一年免费升级与电话支持。", now),
        Item("202", "产品信息", "本月促销", "本月购买企业版满一千元立减一百元，老客户续费享九折优惠，活动截至月底。", now),
        Item("301", "售后服务", "保修政策", "产品自签收之日起保修一年，保修期内非人为损坏免费维修，延保服务请联系客服办理。", now),
        Item("302", "售后服务", "退换货流程", "签收七日内可无理由退货，十五日内质量问题可换货。请保留包装并先致电客服登记。", now),
    ];

    private static InfoItem Item(string code, string category, string title, string content, DateTimeOffset now) =>
        new() { Code = code, Category = category, Title = title, Content = content, UpdatedAt = now };
}
