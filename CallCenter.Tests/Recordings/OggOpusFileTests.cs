using CallCenter.Telephony.Recording;

namespace CallCenter.Tests.Recordings;

public sealed class OggOpusFileTests
{
    [Fact]
    public void PageChecksumIsTheOggCrc()
    {
        // CRC-32/CKSUM's check value 0x765E7680 without its final inversion: same polynomial, init 0, unreflected.
        Assert.Equal(0x89A1897Fu, OggCrc.Update(0, "123456789"u8));
    }

    [Fact]
    public void ReadingStopsAtTheFirstPageWhoseChecksumFails()
    {
        using var stream = new MemoryStream();
        var writer = new OggOpusWriter(stream);
        var frame = new short[OggOpusWriter.FrameSamples * 2];
        for (var i = 0; i < 100; i++)
        {
            writer.WriteFrame(frame);
        }
        writer.Complete();
        var bytes = stream.ToArray();
        var whole = OggOpusFile.Read(new MemoryStream(bytes));
        Assert.True(whole.EndOfStream);
        Assert.Equal(bytes.Length, whole.ValidLength);
        Assert.Equal(2.0, whole.Duration.TotalSeconds, 3);
        Assert.Equal(OggOpusWriter.SampleRate, whole.InputSampleRate);

        var middle = bytes.Length / 2;
        bytes[middle] ^= 0x40;
        var damaged = OggOpusFile.Read(new MemoryStream(bytes));

        Assert.False(damaged.EndOfStream);
        Assert.True(damaged.ValidLength <= middle);
        Assert.InRange(damaged.Duration.TotalSeconds, 0.4, 1.6);
    }
}
