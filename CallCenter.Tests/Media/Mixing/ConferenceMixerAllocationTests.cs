using CallCenter.Telephony.Media;
using CallCenter.Telephony.Media.Mixing;
using CallCenter.Telephony.Rtp;
using CallCenter.Telephony.Sdp;

namespace CallCenter.Tests.Media.Mixing;

/// <summary>The mixer's receive step and tick allocate nothing (STYLE.md "Parsers and hot paths").</summary>
[Collection(MediaAllocationCollection.Name)]
public sealed class ConferenceMixerAllocationTests
{
    private const int Ticks = 5_000;

    [Fact]
    public void ReceivingAndMixingOnThisThreadAllocatesNothing()
    {
        (MediaFactory factory, _, MediaClock clock) = MediaTestFactory.Create();
        using var phones = new Phones(3);
        using RtpEndpoint a = factory.CreateEndpoint();
        using RtpEndpoint b = factory.CreateEndpoint();
        using RtpEndpoint c = factory.CreateEndpoint();
        a.SetRemote(phones[0].Local);
        b.SetRemote(phones[1].Local);
        c.SetRemote(phones[2].Local);
        using var mixer = new ConferenceMixer(clock);
        // The clock is stopped so that this thread alone drives the ticks (and every byte is counted here).
        clock.Dispose();
        MixerParticipant pa = mixer.Add(a, AudioCodec.Pcmu, 101);
        MixerParticipant pb = mixer.Add(b, AudioCodec.Pcma, 101);
        MixerParticipant pc = mixer.Add(c, AudioCodec.Pcmu, 101, MixerRole.Whisperer, pa);
        IRtpPacketSink[] sinks = [pa.Input, pb.Input, pc.Input];
        RtpEndpoint[] endpoints = [a, b, c];
        byte[][] audio = [TestPhone.Rtp(1, 0, 0, fill: 0x35), TestPhone.Rtp(2, 0, 0, payloadType: 8, fill: 0x21), TestPhone.Rtp(3, 0, 0, fill: 0x47)];
        byte[] dtmf = TestPhone.Rtp(1, 0, 0, payloadType: 101, payloadLength: 4);
        long tick = 0;

        void Run(int count)
        {
            for (int i = 0; i < count; i++, tick++)
            {
                for (int p = 0; p < sinks.Length; p++)
                {
                    // Every 25th packet of A a key press: detected (each a new event), but with no handler no args are made.
                    byte[] datagram = p == 0 && tick % 25 == 0 ? dtmf : audio[p];
                    RtpPacket.Rewrite(datagram, (ushort)tick, (uint)(tick * 160), (uint)(p + 1));
                    RtpPacket.TryParse(datagram, out RtpPacket packet);
                    sinks[p].OnRtp(endpoints[p], datagram, packet);
                }
                mixer.OnTick(tick);
            }
        }

        // Warm up past tiered compilation (on-stack replacement compiles on this thread): run, pause, run again.
        Run(200);
        Thread.Sleep(300);
        Run(200);
        // The quietest of three rounds: a per-tick allocation shows in every round, a one-off runtime event in one.
        long allocated = long.MaxValue;
        for (int round = 0; round < 3; round++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            Run(Ticks);
            allocated = Math.Min(allocated, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        Assert.Equal(0, allocated);
        // And it did the work: frames went in and mixes came out for every tick.
        Assert.Equal((3 * Ticks) + 400, pc.FramesSent);
        Assert.True(pb.FramesMixed > Ticks, $"{pb.FramesMixed} frames of B mixed");
        Assert.True(a.PacketsSent >= Ticks, $"{a.PacketsSent} packets sent to A");
    }

    /// <summary>Sockets the mixed packets go to (never read: the kernel drops what overflows).</summary>
    private sealed class Phones(int count) : IDisposable
    {
        private readonly TestPhone[] _phones = Enumerable.Range(0, count).Select(_ => new TestPhone()).ToArray();

        public TestPhone this[int index] => _phones[index];

        public void Dispose()
        {
            foreach (TestPhone phone in _phones)
            {
                phone.Dispose();
            }
        }
    }
}
