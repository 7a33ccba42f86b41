using System.Diagnostics;

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
        // Each of the flooder's messages costs the server a millisecond or more (an overloaded server), so its share of
        // the queue stays full. A message of another source waits behind at most one share (limit x cost / workers):
        // small shares here keep that under the caller's patience on a loaded test machine.
        var settings = new Dictionary<string, string?>
        {
            ["CallCenter:Sip:InboundQueuePerSourceLimit"] = "16",
            ["CallCenter:Sip:InboundQueuePerAddressLimit"] = "64",
        };
        await using var stack = await SipStackFixture.StartAsync(settings, services =>
            services.AddSingleton<ISipMessageReceiver>(sp => new SlowFor(flooder.Port, sp.GetRequiredService<SipTransactionLayer>())));

        var datagram = SipTestMessages.Bytes(SipTestMessages.Options("z9hG4bKflood", viaPort: flooder.Port, callId: "flood@test"));
        using var stop = new CancellationTokenSource();
        var sent = 0;
        // A thread of its own, so its sleeps take nothing from the thread pool the server runs on.
        var flood = Task.Factory.StartNew(() =>
        {
            // About 5 per millisecond, a few times what the server gets through, bounded at FloodSize (it stops early
            // once the other source is done); paced so that what drops the flood is our queue, not the kernel's
            // socket buffer on a loaded two-core test machine.
            var clock = Stopwatch.StartNew();
            while (sent < FloodSize && !stop.IsCancellationRequested)
            {
                while (sent < Math.Min(FloodSize, (clock.ElapsedMilliseconds + 1) * 5))
                {
                    flooder.Client.Send(datagram, stack.Udp);
                    sent++;
                }
                Thread.Sleep(1);
            }
        }, TaskCreationOptions.LongRunning);
        using (var saturated = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            while (stack.Transport.InboundDropped == 0)
            {
                await Task.Delay(1, saturated.Token);
            }
        }

        // While the flooder's share is full, every request of the other source is answered. It retransmits as any UDP
        // client does (RFC 3261 Timer E: 0.5, 1, 2 s); were its messages dropped with the flooder's, no retransmission
        // would help while the flood lasts.
        for (var i = 0; i < 5; i++)
        {
            var request = SipTestMessages.Bytes(SipTestMessages.Options($"z9hG4bKcaller{i}", viaPort: caller.Port, callId: $"caller-{i}@test"));
            SipResponse? response = null;
            foreach (var wait in new[] { 500, 1000, 2000 })
            {
                await caller.SendAsync(request, stack.Udp);
                response = await ReceiveForAsync(caller, $"z9hG4bKcaller{i}", TimeSpan.FromMilliseconds(wait));
                if (response is not null)
                {
                    break;
                }
            }
            Assert.True(response is not null, $"request {i} of the other source was not answered during the flood");
            Assert.Equal($"z9hG4bKcaller{i}", response.TopVia!.Branch);
        }
        var droppedDuringCalls = stack.Transport.InboundDropped;
        var stillFlooding = !flood.IsCompleted;
        stop.Cancel();
        await flood;
        Assert.True(stillFlooding, "the flood ended before the other source was served; the test proved nothing");
        Assert.InRange(droppedDuringCalls, 1, FloodSize);
    }

    // Skips late duplicates answering an earlier request's retransmission.
    private static async Task<SipResponse?> ReceiveForAsync(SipUdpPeer peer, string branch, TimeSpan wait)
    {
        var until = DateTime.UtcNow + wait;
        while (DateTime.UtcNow < until)
        {
            var response = await peer.TryReceiveAsync(until - DateTime.UtcNow);
            if (response?.TopVia?.Branch == branch)
            {
                return response;
            }
        }
        return null;
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
