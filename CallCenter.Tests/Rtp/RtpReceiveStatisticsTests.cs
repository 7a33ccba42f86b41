using CallCenter.Telephony.Rtp;

namespace CallCenter.Tests.Rtp;

public sealed class RtpReceiveStatisticsTests
{
    [Fact]
    public void GapsCountAsLostAndTheFractionCoversTheInterval()
    {
        var stats = new RtpReceiveStatistics();
        // 1..10 then 14..20: 3 lost of 20 expected.
        foreach (var seq in Enumerable.Range(1, 10).Concat(Enumerable.Range(14, 7)))
        {
            stats.Update(0xAB, (ushort)seq, (uint)(seq * 160), seq * 160);
        }

        Assert.Equal((20L, 17L, 3L, 20u), (stats.Expected, stats.Received, stats.CumulativeLost, stats.ExtendedHighestSequence));
        Assert.Equal((byte)(3 * 256 / 20), stats.TakeFractionLost());
        // Nothing new since: nothing lost in the next interval.
        Assert.Equal(0, stats.TakeFractionLost());
    }

    [Fact]
    public void SequenceWrapAddsACycle()
    {
        var stats = new RtpReceiveStatistics();
        for (var i = 0; i < 10; i++)
        {
            var seq = (ushort)(65530 + i);
            stats.Update(1, seq, (uint)i * 160, i * 160);
        }

        Assert.Equal(65536u + 3, stats.ExtendedHighestSequence);
        Assert.Equal(0, stats.CumulativeLost);
    }

    [Fact]
    public void JitterFollowsUnevenArrivalAndStaysZeroForEvenArrival()
    {
        var even = new RtpReceiveStatistics();
        var uneven = new RtpReceiveStatistics();
        for (var i = 0; i < 100; i++)
        {
            even.Update(1, (ushort)i, (uint)i * 160, 5000 + (i * 160));
            // Every other packet 40 samples (5 ms) late.
            uneven.Update(1, (ushort)i, (uint)i * 160, 5000 + (i * 160) + (i % 2 * 40));
        }

        Assert.Equal(0u, even.Jitter);
        Assert.InRange(uneven.Jitter, 35u, 40u);
    }

    [Fact]
    public void ANewSourceStartsAgain()
    {
        var stats = new RtpReceiveStatistics();
        stats.Update(1, 100, 0, 0);
        stats.Update(1, 105, 800, 800);
        stats.Update(2, 7, 0, 960);

        Assert.Equal((2u, 1L, 0L), (stats.SourceSsrc, stats.Received, stats.CumulativeLost));
    }
}
