using CallCenter.Telephony.Rtp;

namespace CallCenter.Tests.Rtp;

public class TelephoneEventTests
{
    private static byte[] Packet(uint ssrc, uint timestamp, ushort seq, byte code, bool end, ushort duration, int pt = 101)
    {
        byte[] data = new byte[16];
        RtpPacket.WriteHeader(data, false, pt, seq, timestamp, ssrc);
        new TelephoneEvent { Event = code, End = end, Volume = 10, Duration = duration }.Write(data.AsSpan(12));
        return data;
    }

    [Fact]
    public void PayloadFieldsAreRead()
    {
        Assert.True(TelephoneEvent.TryParse([11, 0x8A, 0x03, 0x20], out TelephoneEvent e));
        Assert.Equal((11, true, 10, 800, '#'), (e.Event, e.End, e.Volume, e.Duration, e.Digit));
        Assert.False(TelephoneEvent.TryParse([1, 2, 3], out _));
    }

    [Theory]
    [InlineData(0, '0')]
    [InlineData(9, '9')]
    [InlineData(10, '*')]
    [InlineData(11, '#')]
    [InlineData(12, 'A')]
    [InlineData(15, 'D')]
    [InlineData(16, '!')]
    [InlineData(40, '\0')]
    public void EventCodesMapToDigits(byte code, char digit)
    {
        Assert.Equal(digit, TelephoneEvent.ToDigit(code));
    }

    [Fact]
    public void ThreeEndRetransmissionsGiveOneDigitAndTheNextPressAnother()
    {
        var detector = new DtmfDetector { PayloadType = 101 };
        var digits = new List<char>();
        ushort seq = 1;
        foreach ((uint ts, byte code) in new[] { (1000u, (byte)5), (3000u, (byte)5) })
        {
            for (ushort d = 160; d <= 800; d += 160)
            {
                Feed(Packet(7, ts, seq++, code, false, d));
            }
            for (int i = 0; i < 3; i++)
            {
                Feed(Packet(7, ts, seq++, code, true, 960));
            }
        }
        Assert.Equal("55", new string([.. digits]));

        void Feed(byte[] data)
        {
            Assert.True(RtpPacket.TryParse(data, out RtpPacket p));
            if (detector.TryDetect(p, out char digit))
            {
                digits.Add(digit);
            }
        }
    }

    [Fact]
    public void OtherPayloadTypesAreIgnored()
    {
        var detector = new DtmfDetector { PayloadType = 96 };
        Assert.True(RtpPacket.TryParse(Packet(1, 1, 1, 1, true, 800, pt: 101), out RtpPacket p));
        Assert.False(detector.TryDetect(p, out _));
    }
}
