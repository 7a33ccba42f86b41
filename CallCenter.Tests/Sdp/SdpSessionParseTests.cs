using CallCenter.Telephony.Sdp;

namespace CallCenter.Tests.Sdp;

public class SdpSessionParseTests
{
    [Fact]
    public void LinphoneOfferParsesEveryLine()
    {
        Assert.True(SdpSession.TryParse(SdpBodies.Linphone, out SdpSession? s, out _));

        Assert.Equal("alice", s!.Origin.Username);
        Assert.Equal("Talk", s.SessionName);
        Assert.Equal("192.168.1.10", s.Connection!.Address);
        Assert.Single(s.Attributes);
        Assert.Equal(2, s.Media.Count);
        SdpMediaDescription audio = s.Media[0];
        Assert.Equal(7078, audio.Port);
        Assert.Equal(["96", "97", "98", "0", "8", "18", "101", "99", "100"], audio.Formats);
        Assert.Equal(new SdpRtpMap(96, "opus", 48000, 2), audio.GetRtpMap(96));
        Assert.Equal(new SdpRtpMap(0, "PCMU", 8000), audio.GetRtpMap(0));
        Assert.Equal("useinbandfec=1", audio.GetFmtp(96));
        Assert.Equal(7079, audio.RtcpPort);
        Assert.Null(audio.Direction);
        Assert.Equal(SdpDirection.SendRecv, s.DirectionOf(audio));
    }

    [Fact]
    public void ZoiperOfferWithBareLineFeedsParses()
    {
        Assert.True(SdpSession.TryParse(SdpBodies.Zoiper, out SdpSession? s, out _));

        Assert.Equal(30, s!.Media[0].Ptime);
        Assert.Equal(SdpDirection.SendRecv, s.Media[0].Direction);
        Assert.Equal("0-16", s.Media[0].GetFmtp(101));
    }

    [Fact]
    public void SessionLevelDirectionAppliesToMedia()
    {
        string text = SdpBodies.Sipp.Replace("t=0 0\r\n", "t=0 0\r\na=sendonly\r\n", StringComparison.Ordinal);
        Assert.True(SdpSession.TryParse(text, out SdpSession? s, out _));

        Assert.Equal(SdpDirection.SendOnly, s!.DirectionOf(s.Media[0]));
    }

    [Fact]
    public void BytesParseLikeText()
    {
        Assert.True(SdpSession.TryParse(System.Text.Encoding.ASCII.GetBytes(SdpBodies.Sipp), out SdpSession? s, out _));
        Assert.Equal(SdpBodies.Sipp, s!.ToString());
    }

    [Theory]
    [InlineData("", SdpParseError.Empty)]
    [InlineData("v=1\r\n", SdpParseError.BadVersion)]
    [InlineData("o=x 1 1 IN IP4 1.2.3.4\r\nv=0\r\n", SdpParseError.BadVersion)]
    [InlineData("v=0\r\nthis is not sdp\r\n", SdpParseError.MalformedLine)]
    [InlineData("v=0\r\no=x 1 IN IP4 1.2.3.4\r\ns=-\r\nt=0 0\r\n", SdpParseError.BadOrigin)]
    [InlineData("v=0\r\ns=-\r\nt=0 0\r\n", SdpParseError.BadOrigin)]
    [InlineData("v=0\r\no=x 1 1 IN IP4 1.2.3.4\r\nt=0 0\r\n", SdpParseError.MissingRequiredLine)]
    [InlineData("v=0\r\no=x 1 1 IN IP4 1.2.3.4\r\ns=-\r\nc=IN IP4 999.1.1.1\r\nt=0 0\r\n", SdpParseError.BadConnection)]
    [InlineData("v=0\r\no=x 1 1 IN IP4 1.2.3.4\r\ns=-\r\nc=IN IP6 1.2.3.4\r\nt=0 0\r\n", SdpParseError.BadConnection)]
    [InlineData("v=0\r\no=x 1 1 IN IP4 1.2.3.4\r\ns=-\r\nc=IN IP4 1.2.3.4\r\nt=0 0\r\nm=audio 70000 RTP/AVP 0\r\n", SdpParseError.BadMedia)]
    [InlineData("v=0\r\no=x 1 1 IN IP4 1.2.3.4\r\ns=-\r\nc=IN IP4 1.2.3.4\r\nt=0 0\r\nm=audio 4000 RTP/AVP\r\n", SdpParseError.BadMedia)]
    [InlineData("v=0\r\no=x 1 1 IN IP4 1.2.3.4\r\ns=-\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\n", SdpParseError.MissingConnection)]
    [InlineData("v=0\r\no=x 1 1 IN IP4 1.2.3.4\r\ns=-\r\nc=IN IP4 1.2.3.4\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\na=rtpmap:0 PCMU\r\n", SdpParseError.BadAttribute)]
    public void MalformedInputIsRefusedWithAReason(string text, SdpParseError expected)
    {
        Assert.False(SdpSession.TryParse(text, out SdpSession? s, out SdpParseError error));
        Assert.Null(s);
        Assert.Equal(expected, error);
    }

    [Fact]
    public void EveryTruncationOfARealOfferEitherParsesOrGivesAReason()
    {
        for (int i = 0; i < SdpBodies.Linphone.Length; i++)
        {
            bool ok = SdpSession.TryParse(SdpBodies.Linphone[..i], out _, out SdpParseError error);
            Assert.True(ok ^ (error != SdpParseError.None), $"prefix {i}");
        }
    }
}
