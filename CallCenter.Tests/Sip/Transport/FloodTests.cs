using System.Net;
using System.Net.Sockets;

using CallCenter.Telephony.Sip.Messages;
using CallCenter.Telephony.Sip.Transactions;
using CallCenter.Telephony.Sip.Transport;
using CallCenter.Tests.Support;

using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Tests.Sip.Transport;

public sealed class FloodTests
{
    private const int FloodSize = 50_000;

    [Fact]
    public async Task FloodFromOneSourceLeavesRoomForAnother()
    {
        using var flooder = new SipUdpPeer();
        using var caller = new SipUdpPeer();
        // Processing of the flooder's messages costs 1 ms each (an overloaded server), so its share of the queue fills for sure.
        await using var stack = await SipStackFixture.StartAsync(configure: services =>
            services.AddSingleton<ISipMessageReceiver>(sp => new SlowFor(flooder.Port, sp.GetRequiredService<SipTransactionLayer>())));

        var datagram = SipTestMessages.Bytes(SipTestMessages.Options("z9hG4bKflood", viaPort: flooder.Port, callId: "flood@test"));
        var sent = 0;
        var flood = Task.Run(() =>
        {
            for (var i = 0; i < FloodSize; i++)
            {
                flooder.Client.Send(datagram, stack.Udp);
                Interlocked.Increment(ref sent);
            }
        });
        while (Volatile.Read(ref sent) < 2_000)
        {
            await Task.Yield();
        }

        // The other source's requests are answered while the flood runs. It retransmits like any UDP client
        // (RFC 3261 Timer E), since the kernel may lose a datagram under a flood before we ever see it.
        for (var i = 0; i < 5; i++)
        {
            var request = SipTestMessages.Bytes(SipTestMessages.Options($"z9hG4bKcaller{i}", viaPort: caller.Port, callId: $"caller-{i}@test"));
            SipResponse? response = null;
            foreach (var wait in new[] { 500, 1000, 2000 })
            {
                await caller.SendAsync(request, stack.Udp);
                response = await caller.TryReceiveAsync(TimeSpan.FromMilliseconds(wait));
                if (response is not null)
                {
                    break;
                }
            }
            Assert.NotNull(response);
            Assert.Equal($"z9hG4bKcaller{i}", response.TopVia!.Branch);
        }
        await flood;
        Assert.True(stack.Transport.InboundDropped > 0, "the flooder's excess must be dropped and counted");
        Assert.True(stack.Transport.InboundDropped <= FloodSize);
    }

    private sealed class SlowFor(int port, SipTransactionLayer layer) : ISipMessageReceiver
    {
        public async ValueTask OnMessageAsync(SipMessage message, SipEndPoint source, CancellationToken cancellationToken)
        {
            if (source.EndPoint.Port == port)
            {
                await Task.Delay(1, cancellationToken);
            }
            await layer.OnMessageAsync(message, source, cancellationToken);
        }
    }
}
