using System.Globalization;

namespace CallCenter.Web.Components.Pages.WorkRecords;

/// <summary>How the work-record page shows times and durations.</summary>
public static class WorkRecordFormat
{
    public static string Time(DateTimeOffset value) => value.ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    public static string Duration(TimeSpan value) =>
        string.Create(CultureInfo.InvariantCulture, $"{(int)value.TotalHours:00}:{value.Minutes:00}:{value.Seconds:00}");

    public static string Seconds(int seconds) => Duration(TimeSpan.FromSeconds(seconds));
}
