using CallCenter.Telephony.Events;
using CallCenter.Telephony.Routing;

using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Tests.Telephony.Events;

public sealed class CallEventStreamTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public void CallIdsAreVersion7AndSortByTheEngineClock()
    {
        var stream = new CallEventStream(_time);

        var first = stream.NewCallId();
        _time.Advance(TimeSpan.FromMilliseconds(5));
        var second = stream.NewCallId();

        Assert.Equal(7, first.Version);
        Assert.True(first.CompareTo(second) < 0);
        Assert.Equal(_time.GetUtcNow(), stream.Now);
    }

    [Fact]
    public async Task EachCallsEventsArriveInOrderWhileCallsArePublishedConcurrently()
    {
        var stream = new CallEventStream(_time);
        var received = new System.Collections.Concurrent.ConcurrentQueue<CallEvent>();
        using var subscription = stream.Subscribe(received.Enqueue);
        var calls = Enumerable.Range(0, 8).Select(_ => stream.NewCallId()).ToArray();

        await Task.WhenAll(calls.Select(id => Task.Run(() =>
        {
            for (var digit = 0; digit < 500; digit++)
            {
                stream.Publish(new DtmfReceived(id, stream.Now, id, (char)('0' + (digit % 10)), DtmfMethod.Rfc4733));
            }
        })));

        Assert.Equal(8 * 500, received.Count);
        foreach (var id in calls)
        {
            var digits = received.Where(e => e.CallId == id).Cast<DtmfReceived>().Select(e => e.Digit).ToList();
            Assert.Equal(Enumerable.Range(0, 500).Select(d => (char)('0' + (d % 10))), digits);
        }
    }

    [Fact]
    public void AThrowingSubscriberDoesNotStopTheOthers()
    {
        var stream = new CallEventStream(_time);
        var failures = new List<Exception>();
        stream.SubscriberFailed += failures.Add;
        var received = new List<CallEvent>();
        using var bad = stream.Subscribe(_ => throw new InvalidOperationException("bad subscriber"));
        using var good = stream.Subscribe(received.Add);

        stream.Publish(new CallOffered(stream.NewCallId(), stream.Now, "abc@host", CallEventDirection.Inbound, "13800138000", "9196",
            new RouteTarget(RouteTargetKind.EchoTest)));

        Assert.Single(received);
        Assert.IsType<InvalidOperationException>(Assert.Single(failures));
    }

    [Theory]
    [InlineData(CallEndCause.Normal, "normal", false)]
    [InlineData(CallEndCause.NoAnswer, "no-answer", false)]
    [InlineData(CallEndCause.Cancelled, "cancelled", false)]
    [InlineData(CallEndCause.MediaTimeout, "media-timeout", true)]
    [InlineData(CallEndCause.MaxDuration, "max-duration", false)]
    [InlineData(CallEndCause.Abnormal, "abnormal", true)]
    public void EndCausesHaveStableTexts(CallEndCause cause, string text, bool abnormal)
    {
        Assert.Equal(text, cause.ToText());
        Assert.Equal(abnormal, cause.IsAbnormal());
    }
}
