namespace CallCenter.Core.Demo;

/// <summary>Word lists the generated customers are drawn from.</summary>
internal static class DemoNames
{
    public static readonly string[] Surnames =
    [
        "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗",
        "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡",
    ];

    public static readonly string[] GivenNames =
    [
        "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "霞", "平",
        "刚", "桂英", "建华", "文", "华", "红", "玉兰", "志强", "海燕", "晓东", "婷", "雪", "慧", "鹏", "浩", "宇", "欣怡",
        "子涵", "梓轩", "思远", "佳怡", "俊杰", "晨", "倩", "国栋", "丽萍", "春梅", "建军", "永刚", "晓峰",
    ];

    /// <summary>City, its area code (dialled with the leading 0) and some districts.</summary>
    public static readonly (string City, string AreaCode, string[] Districts)[] Cities =
    [
        ("北京市", "010", ["朝阳区", "海淀区", "东城区", "丰台区"]),
        ("上海市", "021", ["浦东新区", "徐汇区", "静安区", "闵行区"]),
        ("广州市", "020", ["天河区", "越秀区", "海珠区"]),
        ("深圳市", "0755", ["南山区", "福田区", "宝安区"]),
        ("杭州市", "0571", ["西湖区", "滨江区", "余杭区"]),
        ("南京市", "025", ["鼓楼区", "建邺区", "玄武区"]),
        ("成都市", "028", ["武侯区", "锦江区", "高新区"]),
        ("武汉市", "027", ["江汉区", "洪山区", "武昌区"]),
        ("西安市", "029", ["雁塔区", "碑林区", "未央区"]),
        ("苏州市", "0512", ["工业园区", "姑苏区", "吴中区"]),
    ];

    public static readonly string[] Roads =
    [
        "人民路", "中山路", "解放路", "建设路", "长江路", "和平路", "新华路", "滨江大道", "科技园路", "世纪大道", "文化路", "学府路",
    ];

    public static readonly string[] CompanyWords =
    [
        "恒达", "华信", "鑫源", "宏远", "天成", "瑞丰", "金桥", "东方", "中联", "博雅", "嘉禾", "新锐", "汇通", "盛世", "永安", "景程",
    ];

    public static readonly string[] CompanyKinds =
    [
        "贸易有限公司", "科技有限公司", "电子商务有限公司", "物流有限公司", "餐饮管理有限公司", "建筑工程有限公司", "信息技术有限公司", "文化传媒有限公司",
    ];

    public static readonly string[] Tags = ["老客户", "企业客户", "潜在客户", "售后关注", "渠道商", "重点跟进", "价格敏感", "线上客户"];

    public static readonly string[] VipNotes = ["年度采购大客户，来电优先接待", "签约企业版三年，专属客户经理跟进", "长期合作伙伴，投诉须当日回复"];

    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public static string PersonName(Random random) => random.Pick(Surnames) + random.Pick(GivenNames);

    /// <summary>1[3-9] and nine more digits: the shape of every mainland mobile number.</summary>
    public static string MobileNumber(Random random) =>
        "1" + random.Next(3, 10) + random.NextInt64(0, 1_000_000_000).ToString("D9", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Area code and an eight-digit local number, stored as dialled: 0xx(x)xxxxxxxx without the dash.</summary>
    public static string FixedLineNumber(Random random, string areaCode) =>
        areaCode + random.Next(2, 9) + random.Next(0, 10_000_000).ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
}
