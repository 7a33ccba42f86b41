using System.ComponentModel.DataAnnotations;

using CallCenter.Telephony.Hosting;
using CallCenter.Telephony.Sip.Messages;
using CallCenter.Telephony.Sip.Transport;
using CallCenter.Tests.Support;

using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Tests.Sip.Transport;

public sealed class SipTransportLifecycleTests
{
    [Fact]
    public void DefaultOptionsAreValid()
    {
        Assert.Empty(Validate(new SipOptions()));
    }

    [Fact]
    public void InconsistentQueueLimitsAndNonIpListenAddressAreRefused()
    {
        Assert.NotEmpty(Validate(new SipOptions { InboundQueuePerSourceLimit = 600, InboundQueuePerAddressLimit = 512 }));
        Assert.NotEmpty(Validate(new SipOptions { ListenAddress = "sip.example.com" }));
    }

    [Fact]
    public async Task PortZeroGivesUdpAndTcpTheSamePort()
    {
        await using var stack = await SipStackFixture.StartAsync();
        Assert.Equal(SipTransportState.Running, stack.Transport.State);
        Assert.NotEqual(0, stack.Udp.Port);
        Assert.Equal(stack.Udp.Port, stack.Tcp.Port);
        Assert.Equal(stack.Udp.Port, stack.Transport.AdvertisedPort);
        Assert.Equal("127.0.0.1", stack.Transport.AdvertisedHost);
    }

    [Fact]
    public async Task PortTakenIsReportedAsFailedWithoutStoppingTheHost()
    {
        await using var first = await SipStackFixture.StartAsync();
        await using var second = await SipStackFixture.StartAsync(new() { ["CallCenter:Sip:Port"] = first.Udp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(SipTransportState.Failed, second.Transport.State);
        Assert.Contains(first.Udp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), second.Transport.FailureReason);
        await Assert.ThrowsAsync<SipSendException>(() =>
            second.Transport.SendAsync(new SipResponse(200), first.Transport.UdpEndPoint!, CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task InboundFilterSeesTheSourceBeforeParsing()
    {
        var filter = new RefuseAll();
        await using var stack = await SipStackFixture.StartAsync(configure: s => s.AddSingleton<ISipInboundFilter>(filter));
        using var peer = new SipUdpPeer();
        await peer.SendAsync(SipTestMessages.Options("z9hG4bKfiltered"), stack.Udp);
        Assert.Null(await peer.TryReceiveAsync(TimeSpan.FromMilliseconds(300)));
        Assert.Equal(1, stack.Transport.InboundFiltered);
        var source = Assert.Single(filter.Seen);
        Assert.Equal(peer.Port, source.EndPoint.Port);
        Assert.Equal(SipTransportProtocol.Udp, source.Protocol);
    }

    private static List<ValidationResult> Validate(SipOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }

    private sealed class RefuseAll : ISipInboundFilter
    {
        public List<SipEndPoint> Seen { get; } = [];

        public bool Accept(SipEndPoint source, int length)
        {
            lock (Seen)
            {
                Seen.Add(source);
            }
            return false;
        }
    }
}
