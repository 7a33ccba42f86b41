using CallCenter.Telephony.Audio;
using CallCenter.Telephony.Sdp;

namespace CallCenter.Tests.Audio;

public sealed class G711Tests
{
    [Theory]
    [InlineData(AudioCodec.Pcmu)]
    [InlineData(AudioCodec.Pcma)]
    public void EveryCodeSurvivesDecodeThenEncode(AudioCodec codec)
    {
        Span<byte> codes = stackalloc byte[256];
        Span<short> samples = stackalloc short[256];
        Span<byte> again = stackalloc byte[256];
        for (var i = 0; i < 256; i++)
        {
            codes[i] = (byte)i;
        }
        G711.Decode(codec, codes, samples);
        G711.Encode(codec, samples, again);
        for (var i = 0; i < 256; i++)
        {
            // µ-law has two codes for zero (0x7F and 0xFF); both decode to 0 and encode back to 0xFF.
            if (codec == AudioCodec.Pcmu && samples[i] == 0)
            {
                continue;
            }
            Assert.Equal(codes[i], again[i]);
        }
    }

    [Theory]
    [InlineData(AudioCodec.Pcmu, 0xFF, 0)]
    [InlineData(AudioCodec.Pcmu, 0x80, 32124)]
    [InlineData(AudioCodec.Pcmu, 0x00, -32124)]
    [InlineData(AudioCodec.Pcma, 0xD5, 8)]
    [InlineData(AudioCodec.Pcma, 0xAA, 32256)]
    [InlineData(AudioCodec.Pcma, 0x2A, -32256)]
    public void KnownCodesDecodeToTheStandardValues(AudioCodec codec, byte code, short expected)
    {
        Assert.Equal(expected, codec == AudioCodec.Pcma ? G711.DecodeAlaw(code) : G711.DecodeUlaw(code));
    }

    [Theory]
    [InlineData(AudioCodec.Pcmu)]
    [InlineData(AudioCodec.Pcma)]
    public void EncodingKeepsTheSignalWithinTheCompandingError(AudioCodec codec)
    {
        for (var sample = -32000; sample <= 32000; sample += 37)
        {
            var code = codec == AudioCodec.Pcma ? G711.EncodeAlaw((short)sample) : G711.EncodeUlaw((short)sample);
            var back = codec == AudioCodec.Pcma ? G711.DecodeAlaw(code) : G711.DecodeUlaw(code);
            // Logarithmic: the error grows with the magnitude, at most about 1/16 of it plus the smallest step.
            Assert.InRange(Math.Abs(back - sample), 0, (Math.Abs(sample) / 16) + 16);
        }
    }
}
