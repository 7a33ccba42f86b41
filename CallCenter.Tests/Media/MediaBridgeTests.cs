using System.Net;

using CallCenter.Telephony.Media;
using CallCenter.Telephony.Rtp;

namespace CallCenter.Tests.Media;

public sealed class MediaBridgeTests : IDisposable
{
    private readonly MediaFactory _factory;
    private readonly MediaClock _clock;
    private readonly RtpEndpoint _a;
    private readonly RtpEndpoint _b;
    private readonly TestPhone _phoneA = new();
    private readonly TestPhone _phoneB = new();

    public MediaBridgeTests()
    {
        (_factory, _, _clock) = MediaTestFactory.Create();
        _a = _factory.CreateEndpoint();
        _b = _factory.CreateEndpoint();
        _a.SetRemote(_phoneA.Local);
        _b.SetRemote(_phoneB.Local);
    }

    public void Dispose()
    {
        _a.Dispose();
        _b.Dispose();
        _phoneA.Dispose();
        _phoneB.Dispose();
        _clock.Dispose();
    }

    private static RtpFields Read(byte[] datagram)
    {
        Assert.True(RtpPacket.TryParse(datagram, out RtpPacket p));
        return new RtpFields(p.Ssrc, p.SequenceNumber, p.Timestamp, p.PayloadType, p.Marker, p.Payload.ToArray());
    }

    [Fact]
    public void PacketsAreRelayedBothWaysWithOneStableSsrcPerSide()
    {
        using MediaBridge bridge = _factory.CreateBridge(_a, _b);
        bridge.Start();

        for (ushort i = 0; i < 5; i++)
        {
            _phoneA.Send(TestPhone.Rtp(0xA, (ushort)(100 + i), 1000u + (160u * i), fill: (byte)i), _a.LocalRtp);
            RtpFields got = Read(_phoneB.Receive());
            Assert.Equal(bridge.SsrcTowardB, got.Ssrc);
            Assert.Equal(100 + i, got.Sequence);
            Assert.Equal(1000u + (160u * i), got.Timestamp);
            Assert.All(got.Payload, b => Assert.Equal(i, b));

            _phoneB.Send(TestPhone.Rtp(0xB, (ushort)(7 + i), 50u + (160u * i), payloadType: 8), _b.LocalRtp);
            RtpFields back = Read(_phoneA.Receive());
            Assert.Equal(bridge.SsrcTowardA, back.Ssrc);
            Assert.Equal(8, back.PayloadType);
            Assert.Equal(7 + i, back.Sequence);
        }
        Assert.NotEqual(bridge.SsrcTowardA, bridge.SsrcTowardB);
        Assert.Equal(5, _a.PacketsReceived);
        Assert.Equal(5, _b.PacketsReceived);
    }

    [Fact]
    public void RemoteIsLatchedToWhereThePhonesPacketsComeFrom()
    {
        // Leg A's SDP names a port the phone never sends from (a NAT rewrote it).
        using var sdpAddress = new TestPhone();
        _a.SetRemote(sdpAddress.Local);
        using MediaBridge bridge = _factory.CreateBridge(_a, _b);
        bridge.Start();

        // Before leg A sends, its media goes to the SDP's address.
        _phoneB.Send(TestPhone.Rtp(0xB, 1, 160), _b.LocalRtp);
        Assert.Equal(1, Read(sdpAddress.Receive()).Sequence);
        Assert.False(_a.IsLatched);

        _phoneA.Send(TestPhone.Rtp(0xA, 1, 160), _a.LocalRtp);
        _phoneB.Receive();
        Assert.True(_a.IsLatched);
        Assert.Equal(_phoneA.Local, _a.RemoteRtp);

        _phoneB.Send(TestPhone.Rtp(0xB, 2, 320), _b.LocalRtp);
        Assert.Equal(2, Read(_phoneA.Receive()).Sequence);
        Assert.True(sdpAddress.ReceivesNothingWithin(50));
    }

    [Fact]
    public void NewSourceSsrcContinuesSequenceAndTimestampTowardTheReceiver()
    {
        using MediaBridge bridge = _factory.CreateBridge(_a, _b);
        bridge.Start();
        var received = new List<RtpFields>();
        for (ushort i = 0; i < 10; i++)
        {
            _phoneA.Send(TestPhone.Rtp(0x1111, (ushort)(65530 + i), 4_000_000_000u + (160u * i)), _a.LocalRtp);
            received.Add(Read(_phoneB.Receive()));
        }
        Thread.Sleep(100);
        // After a transfer: another source with its own SSRC, sequence and timestamp base.
        for (ushort i = 0; i < 10; i++)
        {
            _phoneA.Send(TestPhone.Rtp(0x2222, (ushort)(5000 + i), 123u + (160u * i)), _a.LocalRtp);
            received.Add(Read(_phoneB.Receive()));
        }

        Assert.All(received, r => Assert.Equal(bridge.SsrcTowardB, r.Ssrc));
        for (int i = 1; i < received.Count; i++)
        {
            Assert.Equal((ushort)(received[i - 1].Sequence + 1), received[i].Sequence);
            uint step = received[i].Timestamp - received[i - 1].Timestamp;
            if (i == 10)
            {
                // About 100 ms of media time (800 samples) passed; generous bounds for a busy machine.
                Assert.InRange(step, 700u, 8000u);
                Assert.True(received[i].Marker);
            }
            else
            {
                Assert.Equal(160u, step);
            }
        }
    }

    [Theory]
    [InlineData("dtmf_2833_1.pcap", '1')]
    [InlineData("dtmf_2833_5.pcap", '5')]
    [InlineData("dtmf_2833_pound.pcap", '#')]
    [InlineData("dtmf_2833_star.pcap", '*')]
    public void SipTesterDtmfCaptureRaisesOneDigitAndIsRelayed(string file, char digit)
    {
        string path = Path.Combine("/usr/share/sip-tester", file);
        Assert.True(File.Exists(path), $"{path} is missing: run scripts/install-test-deps.sh (Debian package sip-tester).");
        List<byte[]> payloads = Support.PcapReader.ReadUdpPayloads(path);
        Assert.NotEmpty(payloads);
        using MediaBridge bridge = _factory.CreateBridge(_a, _b, new MediaBridgeOptions { TelephoneEventPayloadTypeA = 101, TelephoneEventPayloadTypeB = 96 });
        var digits = new List<DtmfEventArgs>();
        bridge.DtmfReceived += (_, e) => { lock (digits) { digits.Add(e); } };
        bridge.Start();

        foreach (byte[] payload in payloads)
        {
            _phoneA.Send(payload, _a.LocalRtp);
            RtpFields relayed = Read(_phoneB.Receive());
            Assert.Equal(96, relayed.PayloadType);
        }

        lock (digits)
        {
            DtmfEventArgs e = Assert.Single(digits);
            Assert.Equal((MediaLeg.A, digit), (e.Leg, e.Digit));
        }
    }

    [Fact]
    public void MediaTimeoutFiresWhenPacketsStopButNotWhileTheyFlow()
    {
        // 1 s, not less: a loaded machine (the whole suite in parallel) can stall the sending loop for a few hundred ms.
        using MediaBridge bridge = _factory.CreateBridge(_a, _b, new MediaBridgeOptions { MediaTimeout = TimeSpan.FromSeconds(1) });
        using var fired = new ManualResetEventSlim();
        MediaTimeoutEventArgs? args = null;
        bridge.MediaTimeout += (_, e) => { args = e; fired.Set(); };
        bridge.Start();

        for (ushort i = 0; i < 30; i++)
        {
            _phoneA.Send(TestPhone.Rtp(1, i, 160u * i), _a.LocalRtp);
            _phoneB.Send(TestPhone.Rtp(2, i, 160u * i), _b.LocalRtp);
            Thread.Sleep(20);
        }
        Assert.False(fired.IsSet, "timed out while media flowed");
        // Both legs' packets have been taken in (receive loops can lag on a loaded machine): from here B is the silent one.
        var taken = DateTime.UtcNow;
        ushort next = 30;
        while ((_a.PacketsReceived < 30 || _b.PacketsReceived < 30) && DateTime.UtcNow - taken < TimeSpan.FromSeconds(5))
        {
            _phoneA.Send(TestPhone.Rtp(1, next, 160u * next), _a.LocalRtp);
            next++;
            Thread.Sleep(20);
        }
        Assert.True(_b.PacketsReceived >= 30, $"leg B took in only {_b.PacketsReceived} packets");

        // Leg B stops; leg A keeps going.
        for (var i = next; i < next + 150 && !fired.IsSet; i++)
        {
            _phoneA.Send(TestPhone.Rtp(1, i, 160u * i), _a.LocalRtp);
            Thread.Sleep(20);
        }
        Assert.True(fired.Wait(TimeSpan.FromSeconds(3)), "no media timeout within 3 s of silence");
        Assert.Equal(MediaLeg.B, args!.Leg);
        Assert.True(args.Silence >= TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void NoMediaTimeoutWhileOnHold()
    {
        using MediaBridge bridge = _factory.CreateBridge(_a, _b, new MediaBridgeOptions { MediaTimeout = TimeSpan.FromMilliseconds(200) });
        using var fired = new ManualResetEventSlim();
        bridge.MediaTimeout += (_, _) => fired.Set();
        bridge.OnHold = true;
        bridge.Start();

        Assert.False(fired.Wait(600), "timed out on hold");
        bridge.OnHold = false;
        Assert.True(fired.Wait(TimeSpan.FromSeconds(3)), "no media timeout after the hold ended");
    }

    private sealed record RtpFields(uint Ssrc, ushort Sequence, uint Timestamp, int PayloadType, bool Marker, byte[] Payload);
}
