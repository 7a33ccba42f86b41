using CallCenter.Telephony.Sip.Transactions;

using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Tests.Sip.Transactions;

public sealed class SipTimerSchedulerTests
{
    [Fact]
    public void TimersFireInDueOrderAndCancelledOnesNever()
    {
        var clock = new FakeTimeProvider();
        using var scheduler = new SipTimerScheduler(clock);
        var fired = new List<string>();
        scheduler.Schedule(TimeSpan.FromMilliseconds(300), () => fired.Add("c"));
        scheduler.Schedule(TimeSpan.FromMilliseconds(100), () => fired.Add("a"));
        var cancelled = scheduler.Schedule(TimeSpan.FromMilliseconds(200), () => fired.Add("b"));
        cancelled.Cancel();

        clock.Advance(TimeSpan.FromMilliseconds(99));
        Assert.Empty(fired);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(["a"], fired);
        clock.Advance(TimeSpan.FromMilliseconds(200));
        Assert.Equal(["a", "c"], fired);
        Assert.True(cancelled.IsCancelled);
    }

    [Fact]
    public void ATimerScheduledFromACallbackRunsAtItsOwnTime()
    {
        var clock = new FakeTimeProvider();
        using var scheduler = new SipTimerScheduler(clock);
        var fired = 0;
        scheduler.Schedule(TimeSpan.FromMilliseconds(10), () =>
        {
            fired++;
            scheduler.Schedule(TimeSpan.FromMilliseconds(10), () => fired++);
        });
        clock.Advance(TimeSpan.FromMilliseconds(10));
        Assert.Equal(1, fired);
        clock.Advance(TimeSpan.FromMilliseconds(9));
        Assert.Equal(1, fired);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(2, fired);
        Assert.Equal(0, scheduler.Pending);
    }

    [Fact]
    public void AThrowingCallbackDoesNotStopTheOthers()
    {
        var clock = new FakeTimeProvider();
        using var scheduler = new SipTimerScheduler(clock);
        var fired = false;
        scheduler.Schedule(TimeSpan.FromMilliseconds(5), () => throw new InvalidOperationException("boom"));
        scheduler.Schedule(TimeSpan.FromMilliseconds(5), () => fired = true);
        clock.Advance(TimeSpan.FromMilliseconds(5));
        Assert.True(fired);
    }
}
