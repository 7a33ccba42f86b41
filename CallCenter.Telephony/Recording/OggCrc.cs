namespace CallCenter.Telephony.Recording;

/// <summary>
/// The Ogg page checksum (RFC 3533 §6): CRC-32 with polynomial 0x04C11DB7, initial value 0, no bit
/// reflection and no final XOR (unlike the zlib CRC-32, so System.IO.Hashing's would not do).
/// </summary>
internal static class OggCrc
{
    private static readonly uint[] Table = BuildTable();

    /// <summary>Continues <paramref name="crc"/> over <paramref name="data"/>.</summary>
    public static uint Update(uint crc, ReadOnlySpan<byte> data)
    {
        foreach (var b in data)
        {
            crc = (crc << 8) ^ Table[(byte)(crc >> 24) ^ b];
        }
        return crc;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            var r = i << 24;
            for (var bit = 0; bit < 8; bit++)
            {
                r = (r & 0x80000000) != 0 ? (r << 1) ^ 0x04C11DB7 : r << 1;
            }
            table[i] = r;
        }
        return table;
    }
}
