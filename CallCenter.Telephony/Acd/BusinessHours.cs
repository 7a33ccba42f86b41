using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace CallCenter.Telephony.Acd;

/// <summary>
/// When a queue takes calls (营业时间): time ranges per day of the week, in the call center's local time.
/// Written as lines of days and hours, e.g. <c>Mon-Fri 09:00-18:00; Sat 09:00-12:00</c>:
/// <list type="bullet">
/// <item>days are <c>Mon Tue Wed Thu Fri Sat Sun</c> (any case); <c>Mon-Fri</c> is a range (one that runs past
/// Sunday wraps round, <c>Fri-Mon</c>), and several days or ranges are separated by <c>,</c>;</item>
/// <item>hours are <c>HH:mm-HH:mm</c> (24-hour, the end after the start, <c>24:00</c> allowed as an end),
/// several ranges separated by <c>,</c>;</item>
/// <item>lines are separated by <c>;</c> or a new line; a day listed twice is open in all its ranges; a day not
/// listed is closed all day.</item>
/// </list>
/// Empty text means always open, which <see cref="TryParse"/> reports as null hours. Instances are immutable and
/// equal when their canonical texts (<see cref="ToString"/>) are.
/// </summary>
public sealed partial class BusinessHours : IEquatable<BusinessHours>
{
    private static readonly string[] DayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

    // Chinese keyboards give full-width punctuation; it means the same here.
    private static readonly char[] LineSeparators = [';', '；', '\n', '\r'];
    private static readonly char[] ListSeparators = [',', '，', ' ', '\t'];

    private const int MinutesPerDay = 24 * 60;

    private readonly string _text;

    // Indexed by DayOfWeek (Sunday = 0): that day's open ranges in minutes since midnight, end exclusive.
    private readonly (int Start, int End)[][] _ranges;

    private BusinessHours(string text, (int Start, int End)[][] ranges)
    {
        _text = text;
        _ranges = ranges;
    }

    /// <summary>Parses business hours written as described on <see cref="BusinessHours"/>.</summary>
    /// <param name="text">The text; null, empty or white space means always open.</param>
    /// <param name="hours">The hours; null when the text is empty (always open) or wrong.</param>
    /// <param name="error">When the text is wrong, a short English sentence naming the part that is wrong, e.g.
    /// <c>'Mon-Fry' is not a day range</c>; else null.</param>
    /// <returns>False when the text is wrong.</returns>
    public static bool TryParse(string? text, out BusinessHours? hours, [NotNullWhen(false)] out string? error)
    {
        hours = null;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var ranges = new List<(int Start, int End)>[7];
        for (var i = 0; i < ranges.Length; i++)
        {
            ranges[i] = [];
        }
        var lines = new List<string>();
        foreach (var line in text.Split(LineSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!TryParseLine(line, out var days, out var times, out var canonical, out error))
            {
                return false;
            }
            foreach (var day in days)
            {
                ranges[(int)day].AddRange(times);
            }
            lines.Add(canonical);
        }
        if (lines.Count == 0)
        {
            // Only separators: nothing is said about any day, the same as empty text.
            return true;
        }

        hours = new BusinessHours(
            string.Join("; ", lines),
            [.. ranges.Select(r => r.OrderBy(x => x.Start).ToArray())]);
        return true;
    }

    /// <summary>Whether the queue is open at a time of the call center's local time (the caller converts to it).</summary>
    /// <param name="localTime">The time; only its <see cref="DateTimeOffset.DayOfWeek"/> and
    /// <see cref="DateTimeOffset.TimeOfDay"/> count, the offset is not looked at.</param>
    /// <returns>True from the start of a range up to, not including, its end.</returns>
    public bool IsOpen(DateTimeOffset localTime)
    {
        var time = localTime.TimeOfDay;
        foreach (var (start, end) in _ranges[(int)localTime.DayOfWeek])
        {
            if (time >= TimeSpan.FromMinutes(start) && time < TimeSpan.FromMinutes(end))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The canonical text: lines as written, separated by "; ", days as <c>Mon-Fri,Sun</c>, hours as
    /// <c>09:00-12:00,13:00-18:00</c>. <see cref="TryParse"/> reads it back to equal hours.</summary>
    public override string ToString() => _text;

    /// <inheritdoc />
    public bool Equals(BusinessHours? other) => other is not null && string.Equals(_text, other._text, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as BusinessHours);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_text);

    private static bool TryParseLine(
        string line, out List<DayOfWeek> days, out List<(int Start, int End)> times, out string canonical, [NotNullWhen(false)] out string? error)
    {
        days = [];
        times = [];
        canonical = "";
        error = null;

        // Days come first, hours from the first digit on; spaces around '-' and ',' are allowed ("Mon - Fri").
        var firstDigit = line.AsSpan().IndexOfAnyInRange('0', '9');
        if (firstDigit < 0)
        {
            error = $"'{line}' has no hours (write e.g. 'Mon-Fri 09:00-18:00')";
            return false;
        }
        var dayItems = SplitList(line[..firstDigit]);
        var timeItems = SplitList(line[firstDigit..]);
        if (dayItems.Length == 0)
        {
            error = $"'{line}' names no days (write e.g. 'Mon-Fri 09:00-18:00')";
            return false;
        }

        var canonicalDays = new List<string>();
        foreach (var item in dayItems)
        {
            if (!TryParseDays(item, days, out var canonicalItem, out error))
            {
                return false;
            }
            canonicalDays.Add(canonicalItem);
        }
        var canonicalTimes = new List<string>();
        foreach (var item in timeItems)
        {
            if (!TryParseTimeRange(item, out var range, out error))
            {
                return false;
            }
            times.Add(range);
            canonicalTimes.Add($"{FormatTime(range.Start)}-{FormatTime(range.End)}");
        }
        canonical = $"{string.Join(',', canonicalDays)} {string.Join(',', canonicalTimes)}";
        return true;
    }

    private static string[] SplitList(string text) =>
        SpacesAroundDash().Replace(text, "-").Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries);

    private static bool TryParseDays(string item, List<DayOfWeek> days, out string canonical, [NotNullWhen(false)] out string? error)
    {
        canonical = "";
        var dash = item.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0)
        {
            if (!TryParseDay(item, out var day))
            {
                error = $"'{item}' is not a day (Mon Tue Wed Thu Fri Sat Sun)";
                return false;
            }
            days.Add(ToDayOfWeek(day));
            canonical = DayNames[day];
            error = null;
            return true;
        }

        if (!TryParseDay(item[..dash], out var first) || !TryParseDay(item[(dash + 1)..], out var last))
        {
            error = $"'{item}' is not a day range";
            return false;
        }
        // Monday first, as the week is counted here; a range past Sunday wraps round (Fri-Mon).
        for (var day = first; ; day = (day + 1) % 7)
        {
            days.Add(ToDayOfWeek(day));
            if (day == last)
            {
                break;
            }
        }
        canonical = $"{DayNames[first]}-{DayNames[last]}";
        error = null;
        return true;
    }

    // day: 0 = Monday ... 6 = Sunday.
    private static bool TryParseDay(string text, out int day)
    {
        day = Array.FindIndex(DayNames, name => string.Equals(name, text, StringComparison.OrdinalIgnoreCase));
        return day >= 0;
    }

    private static DayOfWeek ToDayOfWeek(int day) => (DayOfWeek)((day + 1) % 7);

    private static bool TryParseTimeRange(string item, out (int Start, int End) range, [NotNullWhen(false)] out string? error)
    {
        range = default;
        var parts = item.Split('-');
        if (parts.Length != 2)
        {
            error = $"'{item}' is not a time range (HH:mm-HH:mm)";
            return false;
        }
        if (!TryParseTime(parts[0], out var start) || !TryParseTime(parts[1], out var end))
        {
            var wrong = TryParseTime(parts[0], out _) ? parts[1] : parts[0];
            error = $"'{wrong}' is not a time (HH:mm, 24-hour)";
            return false;
        }
        if (start == MinutesPerDay)
        {
            error = $"'{item}' starts at 24:00, which can only end a range";
            return false;
        }
        if (end <= start)
        {
            error = $"'{item}' does not end after it starts (a range past midnight is written as two, e.g. 'Mon 22:00-24:00; Tue 00:00-06:00')";
            return false;
        }
        range = (start, end);
        error = null;
        return true;
    }

    // Minutes since midnight; "24:00" is 1440, the end of the day.
    private static bool TryParseTime(string text, out int minutes)
    {
        minutes = 0;
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon is < 1 or > 2 || text.Length != colon + 3
            || !int.TryParse(text.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var hour)
            || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var minute))
        {
            return false;
        }
        if (minute > 59 || hour > 24 || (hour == 24 && minute != 0))
        {
            return false;
        }
        minutes = (hour * 60) + minute;
        return true;
    }

    private static string FormatTime(int minutes) => $"{minutes / 60:00}:{minutes % 60:00}";

    [GeneratedRegex(@"\s*-\s*")]
    private static partial Regex SpacesAroundDash();
}
