namespace CallCenter.Core.Options;

/// <summary>The user interface's settings that Core needs too (section CallCenter:Ui).</summary>
public class UiOptions
{
    /// <summary>
    /// The product's default culture (names Core produces for pages, e.g. a caller's 归属地 and 运营商, are in it);
    /// zh-CN like the web host's default request culture.
    /// </summary>
    public string Culture { get; set; } = "zh-CN";
}
