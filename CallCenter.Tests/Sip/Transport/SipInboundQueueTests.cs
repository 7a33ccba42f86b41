using System.Buffers;
using System.Diagnostics.Metrics;
using System.Net;

using CallCenter.Telephony.Hosting;
using CallCenter.Telephony.Sip.Transport;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CallCenter.Tests.Sip.Transport;

public sealed class SipInboundQueueTests
{
    private static readonly SipEndPoint A1 = SipEndPoint.Udp(new IPEndPoint(IPAddress.Loopback, 5001));
    private static readonly SipEndPoint A2 = SipEndPoint.Udp(new IPEndPoint(IPAddress.Loopback, 5002));
    private static readonly SipEndPoint B = SipEndPoint.Udp(new IPEndPoint(IPAddress.Parse("192.0.2.7"), 5001));

    [Fact]
    public void SharesPerSourceAndPerAddressAreEnforcedAndFreedOnDequeue()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var options = Options.Create(new SipOptions { InboundQueueCapacity = 16, InboundQueuePerSourceLimit = 2, InboundQueuePerAddressLimit = 3 });
        var queue = new SipInboundQueue(options, NullLogger<SipInboundQueue>.Instance, TimeProvider.System, services.GetRequiredService<IMeterFactory>());
        long published = -1;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "CallCenter.Sip" && instrument.Name == "callcenter.sip.inbound.dropped")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => published = value);
        listener.Start();

        Assert.True(queue.TryEnqueue(Packet(A1)));
        Assert.True(queue.TryEnqueue(Packet(A1)));
        Assert.False(queue.TryEnqueue(Packet(A1)));   // A1's share (2) is full
        Assert.True(queue.TryEnqueue(Packet(A2)));    // same address, other port: its own share
        Assert.False(queue.TryEnqueue(Packet(A2)));   // but the address's share (3) is full
        Assert.True(queue.TryEnqueue(Packet(B)));     // another address is untouched
        Assert.Equal(2, queue.DroppedCount);
        listener.RecordObservableInstruments();
        Assert.Equal(2, published);

        Assert.True(queue.Reader.TryRead(out var first));
        queue.OnDequeued(first);
        ArrayPool<byte>.Shared.Return(first.Buffer!);
        Assert.True(queue.TryEnqueue(Packet(A1)));    // room again once one of A1's left the queue
        Assert.Equal(4, queue.Count);
    }

    private static SipInboundPacket Packet(SipEndPoint source) => SipInboundPacket.Datagram(source, ArrayPool<byte>.Shared.Rent(16), 16);
}
