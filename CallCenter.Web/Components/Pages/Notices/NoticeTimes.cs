namespace CallCenter.Web.Components.Pages.Notices;

/// <summary>How the notice pages show times (already in the call center's local time, from Core).</summary>
public static class NoticeTimes
{
    public static string Show(DateTimeOffset value) => value.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public static string Show(DateTimeOffset? value) => value is { } v ? Show(v) : "";
}
