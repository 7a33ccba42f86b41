using System.Text.RegularExpressions;

namespace CallCenter.Core.Services.Admin;

/// <summary>Limits shared by the admin services and shown by the pages.</summary>
public static partial class AdminRules
{
    public const int SipPasswordMinLength = 10;
    public const int SkillLevelMin = 1;
    public const int SkillLevelMax = 10;
    public const int RingTimeoutMin = 5;
    public const int RingTimeoutMax = 300;
    public const int WrapUpMin = 0;
    public const int WrapUpMax = 600;
    public const int MaxWaitMin = 10;
    public const int MaxWaitMax = 7200;
    public const int AnnounceIntervalMin = 10;
    public const int AnnounceIntervalMax = 600;

    /// <summary>Longest business-hours text (its canonical form, as stored), a week of several ranges a day.</summary>
    public const int BusinessHoursMaxLength = 200;

    /// <summary>Routing keys (queue names) travel in SIP and configuration: lower-case ASCII, digits, '-' and '_'.</summary>
    [GeneratedRegex("^[a-z][a-z0-9_-]{0,31}$")]
    public static partial Regex QueueName();

    /// <summary>Extensions and dialled numbers are SIP user parts that phones dial: digits only.</summary>
    [GeneratedRegex("^[0-9]{2,20}$")]
    public static partial Regex Digits();

    public static bool InRange(int value, int min, int max) => value >= min && value <= max;
}
