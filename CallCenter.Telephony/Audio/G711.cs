using CallCenter.Telephony.Sdp;

namespace CallCenter.Telephony.Audio;

/// <summary>
/// G.711 µ-law and A-law (ITU-T G.711) between 8-bit codes and 16-bit linear PCM. Decoding is a table
/// lookup; encoding follows the segment search of the reference implementation, and the span encoder
/// (what players run for every packet) looks the code up in a 64 KiB table per law built from it once.
/// No allocation.
/// </summary>
public static class G711
{
    private static readonly short[] UlawTable = BuildTable(DecodeUlawSlow);
    private static readonly short[] AlawTable = BuildTable(DecodeAlawSlow);
    private static readonly byte[] UlawEncodeTable = BuildEncodeTable(EncodeUlaw);
    private static readonly byte[] AlawEncodeTable = BuildEncodeTable(EncodeAlaw);

    /// <summary>The code of digital silence for <paramref name="codec"/> (0xFF µ-law, 0xD5 A-law).</summary>
    public static byte Silence(AudioCodec codec) => codec == AudioCodec.Pcma ? (byte)0xD5 : (byte)0xFF;

    /// <summary>Decodes one µ-law code.</summary>
    public static short DecodeUlaw(byte code) => UlawTable[code];

    /// <summary>Decodes one A-law code.</summary>
    public static short DecodeAlaw(byte code) => AlawTable[code];

    /// <summary>Decodes <paramref name="codes"/> into <paramref name="samples"/> (same length or longer).</summary>
    public static void Decode(AudioCodec codec, ReadOnlySpan<byte> codes, Span<short> samples)
    {
        var table = codec == AudioCodec.Pcma ? AlawTable : UlawTable;
        for (var i = 0; i < codes.Length; i++)
        {
            samples[i] = table[codes[i]];
        }
    }

    /// <summary>Encodes <paramref name="samples"/> into <paramref name="codes"/> (same length or longer).</summary>
    public static void Encode(AudioCodec codec, ReadOnlySpan<short> samples, Span<byte> codes)
    {
        var table = codec == AudioCodec.Pcma ? AlawEncodeTable : UlawEncodeTable;
        for (var i = 0; i < samples.Length; i++)
        {
            codes[i] = table[(ushort)samples[i]];
        }
    }

    /// <summary>Encodes one sample as µ-law (bias 0x84, clip at 32635).</summary>
    public static byte EncodeUlaw(short sample)
    {
        const int Bias = 0x84;
        const int Clip = 32635;
        int value = sample;
        var sign = (value >> 8) & 0x80;
        if (sign != 0)
        {
            value = -value;
        }
        value = Math.Min(value, Clip) + Bias;
        var exponent = 7;
        for (var mask = 0x4000; (value & mask) == 0 && exponent > 0; mask >>= 1)
        {
            exponent--;
        }
        var mantissa = (value >> (exponent + 3)) & 0x0F;
        return (byte)~(sign | (exponent << 4) | mantissa);
    }

    /// <summary>Encodes one sample as A-law (even bits inverted, 0x55).</summary>
    public static byte EncodeAlaw(short sample)
    {
        int value = sample;
        var sign = value >= 0 ? 0x80 : 0x00;
        if (sign == 0)
        {
            value = Math.Min(-value - 1, 32767);
        }
        value >>= 3;
        int code;
        if (value < 32)
        {
            code = value >> 1;
        }
        else
        {
            var exponent = 1;
            while (value >= 64 && exponent < 7)
            {
                value >>= 1;
                exponent++;
            }
            code = (exponent << 4) | ((value >> 1) & 0x0F);
        }
        return (byte)((sign | code) ^ 0x55);
    }

    private static short[] BuildTable(Func<byte, short> decode)
    {
        var table = new short[256];
        for (var i = 0; i < 256; i++)
        {
            table[i] = decode((byte)i);
        }
        return table;
    }

    private static byte[] BuildEncodeTable(Func<short, byte> encode)
    {
        // Indexed by the sample's 16 bits as unsigned, so a lookup needs no sign handling.
        var table = new byte[65536];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = encode((short)(ushort)i);
        }
        return table;
    }

    private static short DecodeUlawSlow(byte code)
    {
        int value = ~code & 0xFF;
        var t = (((value & 0x0F) << 3) + 0x84) << ((value & 0x70) >> 4);
        return (short)((value & 0x80) != 0 ? 0x84 - t : t - 0x84);
    }

    private static short DecodeAlawSlow(byte code)
    {
        int value = code ^ 0x55;
        var t = (value & 0x0F) << 4;
        var segment = (value & 0x70) >> 4;
        t = segment switch
        {
            0 => t + 8,
            1 => t + 0x108,
            _ => (t + 0x108) << (segment - 1),
        };
        return (short)((value & 0x80) != 0 ? t : -t);
    }
}
