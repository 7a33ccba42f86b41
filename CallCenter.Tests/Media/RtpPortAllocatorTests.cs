using System.Net;

using CallCenter.Telephony.Media;

namespace CallCenter.Tests.Media;

public class RtpPortAllocatorTests
{
    [Fact]
    public void PairsAreEvenOddInsideTheRange()
    {
        var ports = new RtpPortAllocator(10001, 10006);
        Assert.Equal(2, ports.Capacity);
        Assert.Equal(new RtpPortPair(10002), ports.Allocate());
        RtpPortPair second = ports.Allocate();
        Assert.Equal((10004, 10005), (second.RtpPort, second.RtcpPort));
    }

    [Fact]
    public void ExhaustionFailsClearlyAndAReleasedPairIsReused()
    {
        var ports = new RtpPortAllocator(20000, 20007);
        var pairs = Enumerable.Range(0, 4).Select(_ => ports.Allocate()).ToList();
        Assert.Equal(4, pairs.Distinct().Count());
        Assert.False(ports.TryAllocate(out _));
        Assert.Throws<RtpPortsExhaustedException>(() => ports.Allocate());

        ports.Release(pairs[2]);
        ports.Release(pairs[2]);
        Assert.Equal(3, ports.InUse);
        Assert.Equal(pairs[2], ports.Allocate());
    }

    [Fact]
    public void RangeWithoutAPairIsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RtpPortAllocator(10001, 10002));
    }

    [Fact]
    public void FactoryGivesPortsBackOnDisposeAndThrowsWhenExhausted()
    {
        (MediaFactory factory, RtpPortAllocator ports, MediaClock clock) = MediaTestFactory.Create(pairs: 1);
        using MediaClock ownedClock = clock;
        RtpEndpoint endpoint = factory.CreateEndpoint();
        Assert.Equal(IPAddress.Loopback, endpoint.LocalRtp.Address);
        Assert.Equal(0, endpoint.LocalRtp.Port % 2);
        Assert.Throws<RtpPortsExhaustedException>(() => factory.CreateEndpoint());

        endpoint.Dispose();
        Assert.Equal(0, ports.InUse);
        using RtpEndpoint again = factory.CreateEndpoint();
        Assert.Equal(endpoint.LocalRtp.Port, again.LocalRtp.Port);
    }
}
