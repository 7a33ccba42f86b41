using CallCenter.Telephony.Rtp;

namespace CallCenter.Tests.Rtp;

public class RtpPacketTests
{
    [Fact]
    public void WrittenHeaderReadsBack()
    {
        byte[] data = new byte[12 + 160];
        data.AsSpan(12).Fill(0xFF);
        Assert.Equal(12, RtpPacket.WriteHeader(data, marker: true, payloadType: 8, sequenceNumber: 65535, timestamp: 0xDEADBEEF, ssrc: 0x01020304));

        Assert.True(RtpPacket.TryParse(data, out RtpPacket p));
        Assert.Equal(2, p.Version);
        Assert.True(p.Marker);
        Assert.Equal(8, p.PayloadType);
        Assert.Equal(65535, p.SequenceNumber);
        Assert.Equal(0xDEADBEEFu, p.Timestamp);
        Assert.Equal(0x01020304u, p.Ssrc);
        Assert.Equal(12, p.HeaderLength);
        Assert.Equal(160, p.Payload.Length);
        Assert.False(p.Padding || p.Extension);
    }

    [Fact]
    public void CsrcsHeaderExtensionAndPaddingAreSkipped()
    {
        // V=2 P=1 X=1 CC=2, PT 0; two CSRCs; extension 0xBEDE with 2 words; 4 payload bytes; 3 padding bytes.
        byte[] data =
        [
            0xB2, 0x00, 0x00, 0x01, 0, 0, 0, 160, 0, 0, 0, 9,
            0, 0, 0, 1, 0, 0, 0, 2,
            0xBE, 0xDE, 0x00, 0x02, 1, 2, 3, 4, 5, 6, 7, 8,
            0xAA, 0xBB, 0xCC, 0xDD,
            0, 0, 3,
        ];

        Assert.True(RtpPacket.TryParse(data, out RtpPacket p));
        Assert.Equal(2, p.CsrcCount);
        Assert.True(p.Extension);
        Assert.True(p.Padding);
        Assert.Equal(12 + 8 + 12, p.HeaderLength);
        Assert.Equal(new byte[] { 0xAA, 0xBB, 0xCC, 0xDD }, p.Payload.ToArray());
    }

    [Theory]
    [InlineData(new byte[] { 0x80, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, 0 })]
    [InlineData(new byte[] { 0x40, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1 })]
    [InlineData(new byte[] { 0x81, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0 })]
    [InlineData(new byte[] { 0x90, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0xBE, 0xDE, 0, 1 })]
    [InlineData(new byte[] { 0xA0, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 9 })]
    [InlineData(new byte[] { 0xA0, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0 })]
    public void TruncatedOrInvalidPacketsAreRefused(byte[] data)
    {
        Assert.False(RtpPacket.TryParse(data, out _));
    }

    [Fact]
    public void RewriteChangesOnlySequenceTimestampAndSsrc()
    {
        byte[] data = new byte[20];
        RtpPacket.WriteHeader(data, true, 0, 1, 2, 3);
        data[19] = 0x55;
        RtpPacket.Rewrite(data, 10, 20, 30);

        Assert.True(RtpPacket.TryParse(data, out RtpPacket p));
        Assert.Equal((10, 20u, 30u, true, 0x55), (p.SequenceNumber, p.Timestamp, p.Ssrc, p.Marker, p.Payload[^1]));
    }

    [Fact]
    public void RtcpIsToldApartFromRtpAndParsed()
    {
        // A receiver report (RFC 3550 §6.4.2) with no report blocks: 8 bytes, length 1.
        byte[] rr = [0x80, 201, 0, 1, 0, 0, 0x12, 0x34];
        Assert.True(RtcpPacket.IsRtcp(rr));
        Assert.True(RtcpPacket.TryParse(rr, out RtcpPacket p));
        Assert.Equal((201, 0x1234u), (p.PacketType, p.Ssrc));

        byte[] rtp = new byte[12];
        RtpPacket.WriteHeader(rtp, false, 0, 1, 1, 1);
        Assert.False(RtcpPacket.IsRtcp(rtp));
        Assert.False(RtcpPacket.TryParse([0x80, 200, 0, 6, 0, 0, 0, 1], out _));
    }
}
