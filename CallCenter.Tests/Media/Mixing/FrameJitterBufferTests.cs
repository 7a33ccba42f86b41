using CallCenter.Telephony.Audio;
using CallCenter.Telephony.Media.Mixing;
using CallCenter.Telephony.Sdp;

namespace CallCenter.Tests.Media.Mixing;

/// <summary>The per-participant ring: order, overflow, underflow, late and repeated packets, a new source.</summary>
public sealed class FrameJitterBufferTests
{
    private const uint Ssrc = 0x5EED;
    private readonly FrameJitterBuffer _buffer = new();
    private readonly short[] _frame = new short[FrameJitterBuffer.FrameSamples];

    /// <summary>A frame whose samples all decode to the value µ-law code <paramref name="mark"/> stands for, to tell frames apart.</summary>
    private static byte[] Payload(byte mark) => Enumerable.Repeat(mark, FrameJitterBuffer.FrameSamples).ToArray();

    private void Write(ushort sequence, byte mark, uint ssrc = Ssrc) => _buffer.Write(ssrc, sequence, AudioCodec.Pcmu, Payload(mark));

    /// <summary>Reads one frame: its mark, or null for silence.</summary>
    private byte? Read()
    {
        bool audio = _buffer.Read(_frame);
        Assert.All(_frame, s => Assert.Equal(_frame[0], s));
        if (!audio)
        {
            Assert.Equal(0, _frame[0]);
            return null;
        }
        return (byte)Enumerable.Range(0, 256).First(code => G711.DecodeUlaw((byte)code) == _frame[0]);
    }

    [Fact]
    public void SteadyStreamPlaysEveryFrameInTurnAfterAStartDepthOfTwo()
    {
        Write(100, 0x10);
        Assert.Null(Read());
        var played = new List<byte?>();
        for (int i = 1; i < 20; i++)
        {
            Write((ushort)(100 + i), (byte)(0x10 + i));
            played.Add(Read());
        }
        Assert.Equal(Enumerable.Range(0x10, 19).Select(b => (byte?)b), played);
        Assert.Equal((20, 19, 0L, 1L), (_buffer.Received, _buffer.Played, _buffer.Dropped, _buffer.Silent));
    }

    [Fact]
    public void ReorderedPacketsWithinTheRingPlayInSequenceAcrossTheWrap()
    {
        Write(65534, 0x21);
        Write(0, 0x23);
        Write(65535, 0x22);
        Write(1, 0x24);
        Assert.Equal<byte?>([0x21, 0x22, 0x23, 0x24], [Read(), Read(), Read(), Read()]);
        Assert.Equal(0, _buffer.Late + _buffer.Dropped);
    }

    [Fact]
    public void OverflowDropsTheOldestFramesAndCountsThem()
    {
        for (int i = 0; i < FrameJitterBuffer.Capacity + 3; i++)
        {
            Write((ushort)(10 + i), (byte)(0x30 + i));
        }
        Assert.Equal(3, _buffer.Dropped);
        Assert.Equal(FrameJitterBuffer.Capacity, _buffer.Count);
        Assert.Equal((byte)0x33, Read());
    }

    [Fact]
    public void UnderflowIsSilenceAndPlayoutResumesWhereTheSenderGoesOn()
    {
        Write(1, 0x41);
        Write(2, 0x42);
        Assert.Equal<byte?>([0x41, 0x42, null, null, null], [Read(), Read(), Read(), Read(), Read()]);
        // The phone was quiet (hold): its next packets carry on, after a refill of two.
        Write(3, 0x43);
        Assert.Null(Read());
        Write(4, 0x44);
        Assert.Equal<byte?>([0x43, 0x44], [Read(), Read()]);
        Assert.Equal(0, _buffer.Late + _buffer.Dropped);
    }

    [Fact]
    public void LostPacketIsSilenceInItsTurnAndALateOneIsDropped()
    {
        Write(1, 0x51);
        Write(3, 0x53);
        Write(4, 0x54);
        Assert.Equal<byte?>([0x51, null], [Read(), Read()]);
        Write(2, 0x52);
        Write(3, 0x53);
        Assert.Equal<byte?>([0x53, 0x54], [Read(), Read()]);
        Assert.Equal(2, _buffer.Late);
    }

    [Fact]
    public void NewSourceStartsAgain()
    {
        Write(1000, 0x61);
        Write(1001, 0x62);
        Write(7, 0x71, ssrc: 0xBEEF);
        Write(8, 0x72, ssrc: 0xBEEF);
        Assert.Equal<byte?>([0x71, 0x72], [Read(), Read()]);
        Assert.Equal(2, _buffer.Dropped);
    }

    [Fact]
    public void JumpFarAheadOfAnEmptyRingStartsThereWithoutSilence()
    {
        Write(1, 0x11);
        Write(2, 0x12);
        Assert.Equal<byte?>([0x11, 0x12, null], [Read(), Read(), Read()]);
        Write(5000, 0x13);
        Write(5001, 0x14);
        Assert.Equal<byte?>([0x13, 0x14], [Read(), Read()]);
    }

    [Fact]
    public void RingLeftFullByABurstShedsAFrameASecondDownToTheTarget()
    {
        ushort sequence = 0;
        for (int i = 0; i < FrameJitterBuffer.Capacity; i++)
        {
            Write(sequence++, 0x01);
        }
        int reads = 0;
        // Then a steady sender, one frame per read: only shedding can bring the depth down.
        while (_buffer.Count > FrameJitterBuffer.TargetDepth && reads < 20 * FrameJitterBuffer.ShedWindow)
        {
            Assert.NotNull(Read());
            Write(sequence++, 0x01);
            reads++;
        }
        Assert.Equal(FrameJitterBuffer.TargetDepth, _buffer.Count);
        int shed = FrameJitterBuffer.Capacity - FrameJitterBuffer.TargetDepth;
        Assert.Equal(shed, _buffer.Dropped);
        Assert.InRange(reads, shed * FrameJitterBuffer.ShedWindow, (shed + 1) * FrameJitterBuffer.ShedWindow);
        // At the target it stays: another ten seconds shed nothing more.
        for (int i = 0; i < 10 * FrameJitterBuffer.ShedWindow; i++)
        {
            Assert.NotNull(Read());
            Write(sequence++, 0x01);
        }
        Assert.Equal(shed, _buffer.Dropped);
        Assert.Equal(0, _buffer.Silent);
    }
}
