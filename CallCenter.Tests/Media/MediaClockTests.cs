using CallCenter.Telephony.Media;

namespace CallCenter.Tests.Media;

public class MediaClockTests
{
    private sealed class Listener : IMediaClockListener
    {
        public int Ticks;
        public int ThreadId;

        public void OnTick(long tick)
        {
            Interlocked.Increment(ref Ticks);
            ThreadId = Environment.CurrentManagedThreadId;
        }
    }

    [Fact]
    public void TicksEveryTwentyMillisecondsOnOneThreadUntilUnsubscribed()
    {
        using var clock = new MediaClock();
        var first = new Listener();
        var second = new Listener();
        IDisposable s1 = clock.Subscribe(first);
        using IDisposable s2 = clock.Subscribe(second);

        Thread.Sleep(400);
        s1.Dispose();
        int atUnsubscribe = Volatile.Read(ref first.Ticks);
        Thread.Sleep(100);

        // 20 ticks expected in 400 ms; wide bounds for a loaded machine.
        Assert.InRange(atUnsubscribe, 8, 24);
        Assert.InRange(Volatile.Read(ref first.Ticks) - atUnsubscribe, 0, 1);
        Assert.True(second.Ticks > atUnsubscribe);
        Assert.Equal(first.ThreadId, second.ThreadId);
        Assert.NotEqual(Environment.CurrentManagedThreadId, first.ThreadId);
    }
}
