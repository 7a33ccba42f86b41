using CallCenter.Telephony.Acd;

namespace CallCenter.Tests.Acd;

public sealed class BusinessHoursTests
{
    private const string OfficeHours = "Mon-Fri 09:00-18:00; Sat 09:00-12:00";

    // 2026-11-30 is a Monday; the offset is not looked at, only the local day and time of day.
    private static DateTimeOffset At(DayOfWeek day, int hour, int minute = 0, int second = 0) =>
        new DateTimeOffset(2026, 11, 30, hour, minute, second, TimeSpan.FromHours(8)).AddDays(((int)day + 6) % 7);

    private static BusinessHours Parse(string text)
    {
        Assert.True(BusinessHours.TryParse(text, out var hours, out var error), error);
        Assert.Null(error);
        Assert.NotNull(hours);
        return hours;
    }

    private static string ParseError(string text)
    {
        Assert.False(BusinessHours.TryParse(text, out var hours, out var error), $"'{text}' was taken as {hours}");
        Assert.Null(hours);
        return error;
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(" \r\n\t ")]
    [InlineData(" ; \n ;")]
    public void EmptyTextMeansAlwaysOpen(string? text)
    {
        Assert.True(BusinessHours.TryParse(text, out var hours, out var error));
        Assert.Null(hours);
        Assert.Null(error);
    }

    [Fact]
    public void TheTestHelperLandsOnTheDayAsked()
    {
        Assert.All(Enum.GetValues<DayOfWeek>(), day => Assert.Equal(day, At(day, 12).DayOfWeek));
    }

    [Theory]
    [InlineData(OfficeHours, OfficeHours)]
    [InlineData("mon-fri 9:00-18:00\nSAT 09:00-12:00", OfficeHours)]
    [InlineData("  Mon - Fri   09:00 - 18:00 ;;Sat 09:00-12:00;", OfficeHours)]
    [InlineData("Mon-Fri 09:00-18:00\r\nSat 09:00-12:00\r\n", OfficeHours)]
    [InlineData("Mon-Fri 09:00-18:00；Sat 09:00-12:00", OfficeHours)]
    [InlineData("Mon,Wed, Fri 09:00-12:00, 13:30-18:00", "Mon,Wed,Fri 09:00-12:00,13:30-18:00")]
    [InlineData("Mon，Tue 08:00-24:00", "Mon,Tue 08:00-24:00")]
    [InlineData("Fri-Mon 00:00-24:00", "Fri-Mon 00:00-24:00")]
    public void TextIsReadIntoItsCanonicalForm(string text, string canonical)
    {
        var hours = Parse(text);

        Assert.Equal(canonical, hours.ToString());
        Assert.Equal(hours, Parse(hours.ToString()));
    }

    [Theory]
    [InlineData("Mon-Fry 09:00-18:00", "'Mon-Fry' is not a day range")]
    [InlineData("Mon- 09:00-18:00", "'Mon-' is not a day range")]
    [InlineData("Mon-Tue-Wed 09:00-18:00", "'Mon-Tue-Wed' is not a day range")]
    [InlineData("Monday 09:00-18:00", "'Monday' is not a day (Mon Tue Wed Thu Fri Sat Sun)")]
    [InlineData("Mon-Fri 09:00-18:00; Sta 09:00-12:00", "'Sta' is not a day (Mon Tue Wed Thu Fri Sat Sun)")]
    [InlineData("Mon-Fri", "'Mon-Fri' has no hours (write e.g. 'Mon-Fri 09:00-18:00')")]
    [InlineData("09:00-18:00", "'09:00-18:00' names no days (write e.g. 'Mon-Fri 09:00-18:00')")]
    [InlineData("Mon 09:00", "'09:00' is not a time range (HH:mm-HH:mm)")]
    [InlineData("Mon 09:00-12:00-18:00", "'09:00-12:00-18:00' is not a time range (HH:mm-HH:mm)")]
    [InlineData("Mon 9-18", "'9' is not a time (HH:mm, 24-hour)")]
    [InlineData("Mon 09:00-18:0", "'18:0' is not a time (HH:mm, 24-hour)")]
    [InlineData("Mon 09:00-25:00", "'25:00' is not a time (HH:mm, 24-hour)")]
    [InlineData("Mon 09:60-18:00", "'09:60' is not a time (HH:mm, 24-hour)")]
    [InlineData("Mon 09:00-24:30", "'24:30' is not a time (HH:mm, 24-hour)")]
    [InlineData("Mon 09:00-18:00pm", "'18:00pm' is not a time (HH:mm, 24-hour)")]
    [InlineData("Mon 24:00-24:00", "'24:00-24:00' starts at 24:00, which can only end a range")]
    [InlineData("Mon 18:00-09:00", "'18:00-09:00' does not end after it starts (a range past midnight is written as two, e.g. 'Mon 22:00-24:00; Tue 00:00-06:00')")]
    [InlineData("Mon 09:00-09:00", "'09:00-09:00' does not end after it starts (a range past midnight is written as two, e.g. 'Mon 22:00-24:00; Tue 00:00-06:00')")]
    public void WrongTextIsRefusedNamingTheWrongPart(string text, string error)
    {
        Assert.Equal(error, ParseError(text));
    }

    [Fact]
    public void OpenFromTheStartUpToButNotIncludingTheEnd()
    {
        var hours = Parse(OfficeHours);

        Assert.False(hours.IsOpen(At(DayOfWeek.Monday, 8, 59, 59)));
        Assert.True(hours.IsOpen(At(DayOfWeek.Monday, 9)));
        Assert.True(hours.IsOpen(At(DayOfWeek.Wednesday, 12, 30)));
        Assert.True(hours.IsOpen(At(DayOfWeek.Friday, 17, 59, 59)));
        Assert.False(hours.IsOpen(At(DayOfWeek.Friday, 18)));
        Assert.True(hours.IsOpen(At(DayOfWeek.Saturday, 11, 59)));
        Assert.False(hours.IsOpen(At(DayOfWeek.Saturday, 12)));
    }

    [Fact]
    public void ADayNotListedIsClosedAllDay()
    {
        var hours = Parse(OfficeHours);

        Assert.All(Enumerable.Range(0, 24), hour => Assert.False(hours.IsOpen(At(DayOfWeek.Sunday, hour, 30))));
    }

    [Fact]
    public void SundayIsTheLastDayOfARangeAndAFullDayRunsToMidnight()
    {
        var hours = Parse("Sat-Sun 00:00-24:00");

        Assert.True(hours.IsOpen(At(DayOfWeek.Sunday, 0)));
        Assert.True(hours.IsOpen(At(DayOfWeek.Sunday, 23, 59, 59)));
        Assert.True(hours.IsOpen(At(DayOfWeek.Saturday, 0)));
        Assert.False(hours.IsOpen(At(DayOfWeek.Monday, 0)));
        Assert.False(hours.IsOpen(At(DayOfWeek.Friday, 23, 59, 59)));
    }

    [Fact]
    public void ARangePastSundayWrapsRound()
    {
        var hours = Parse("Fri-Mon 10:00-16:00");

        Assert.Equal(
            [DayOfWeek.Sunday, DayOfWeek.Monday, DayOfWeek.Friday, DayOfWeek.Saturday],
            Enum.GetValues<DayOfWeek>().Where(day => hours.IsOpen(At(day, 12))));
    }

    [Fact]
    public void SeveralRangesAndLinesForOneDayAllCount()
    {
        var hours = Parse("Mon-Fri 09:00-12:00,13:30-18:00; Mon 20:00-22:00");

        Assert.True(hours.IsOpen(At(DayOfWeek.Monday, 11)));
        Assert.False(hours.IsOpen(At(DayOfWeek.Monday, 13)));
        Assert.True(hours.IsOpen(At(DayOfWeek.Monday, 13, 30)));
        Assert.True(hours.IsOpen(At(DayOfWeek.Monday, 21)));
        Assert.False(hours.IsOpen(At(DayOfWeek.Tuesday, 21)));
    }

    [Fact]
    public void TheLocalTimeCountsNotTheInstant()
    {
        var hours = Parse(OfficeHours);
        var nineInBeijing = new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.FromHours(8));

        Assert.True(hours.IsOpen(nineInBeijing));
        // The same instant read in UTC is 01:00: the caller converts to the call center's time first.
        Assert.False(hours.IsOpen(nineInBeijing.ToUniversalTime()));
    }

    [Fact]
    public void HoursWithTheSameCanonicalTextAreEqual()
    {
        Assert.Equal(Parse("mon-fri 9:00-18:00"), Parse("Mon-Fri 09:00-18:00"));
        Assert.NotEqual(Parse("Mon-Fri 09:00-18:00"), Parse("Mon-Fri 09:00-17:00"));
        Assert.Equal(Parse("Mon 09:00-18:00").GetHashCode(), Parse("MON 09:00 - 18:00").GetHashCode());
    }
}
