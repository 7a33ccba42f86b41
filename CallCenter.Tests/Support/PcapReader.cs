using System.Buffers.Binary;

namespace CallCenter.Tests.Support;

/// <summary>Reads the UDP payloads of a classic libpcap file (Ethernet, IPv4), e.g. sip-tester's RFC 2833 captures.</summary>
internal static class PcapReader
{
    public static List<byte[]> ReadUdpPayloads(string path)
    {
        byte[] file = File.ReadAllBytes(path);
        uint magic = BinaryPrimitives.ReadUInt32LittleEndian(file);
        bool little = magic is 0xA1B2C3D4 or 0xA1B23C4D;
        if (!little && magic is not (0xD4C3B2A1 or 0x4D3CB2A1))
        {
            throw new InvalidDataException($"{path} is not a libpcap file.");
        }
        uint linkType = Read32(file.AsSpan(20));
        if (linkType != 1)
        {
            throw new InvalidDataException($"{path}: link type {linkType}, only Ethernet (1) is read.");
        }
        var payloads = new List<byte[]>();
        int offset = 24;
        while (offset + 16 <= file.Length)
        {
            int captured = (int)Read32(file.AsSpan(offset + 8));
            ReadOnlySpan<byte> frame = file.AsSpan(offset + 16, captured);
            offset += 16 + captured;
            // Ethernet II: 14 bytes, EtherType 0x0800 IPv4; IPv4 header length from IHL; protocol 17 UDP.
            if (frame.Length < 14 + 20 || BinaryPrimitives.ReadUInt16BigEndian(frame[12..]) != 0x0800)
            {
                continue;
            }
            ReadOnlySpan<byte> ip = frame[14..];
            int ihl = (ip[0] & 0x0F) * 4;
            if (ip[9] != 17 || ip.Length < ihl + 8)
            {
                continue;
            }
            ReadOnlySpan<byte> udp = ip[ihl..];
            int udpLength = BinaryPrimitives.ReadUInt16BigEndian(udp[4..]);
            payloads.Add(udp[8..Math.Min(udpLength, udp.Length)].ToArray());
        }
        return payloads;

        uint Read32(ReadOnlySpan<byte> s) => little ? BinaryPrimitives.ReadUInt32LittleEndian(s) : BinaryPrimitives.ReadUInt32BigEndian(s);
    }
}
