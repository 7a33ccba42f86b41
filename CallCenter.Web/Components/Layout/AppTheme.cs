using MudBlazor;

namespace CallCenter.Web.Components.Layout;

/// <summary>The product's MudBlazor theme: a Chinese-first font stack, so Hanzi never fall back to a serif.</summary>
public static class AppTheme
{
    public static readonly MudTheme Theme = new()
    {
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Noto Sans SC", "WenQuanYi Micro Hei", "Roboto", "Helvetica", "Arial", "sans-serif"],
            },
        },
    };
}
