using System.Net;

using CallCenter.Telephony.Sdp;

namespace CallCenter.Tests.Sdp;

public class SdpOfferAnswerTests
{
    private static readonly SdpLocalMedia Local = new() { Address = IPAddress.Parse("192.0.2.50"), Port = 10002, SessionId = 1001, SessionVersion = 1 };

    private static SdpSession Parse(string text)
    {
        Assert.True(SdpSession.TryParse(text, out SdpSession? session, out SdpParseError error), error.ToString());
        return session!;
    }

    private static void AssertGolden(string name, SdpSession session)
    {
        string expected = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Sdp", "Golden", name + ".sdp")).ReplaceLineEndings("\r\n");
        Assert.Equal(expected, session.ToString());
        // What we send parses back to the same text.
        Assert.Equal(expected, Parse(expected).ToString());
    }

    [Fact]
    public void OurOfferMatchesTheGoldenFile()
    {
        AssertGolden("offer", SdpOfferAnswer.CreateOffer(Local with { Port = 10000 }));
    }

    [Fact]
    public void LinphoneOfferIsAnsweredWithPcmuAndItsEightKilohertzTelephoneEventAndVideoRejected()
    {
        SdpAnswerResult result = SdpOfferAnswer.CreateAnswer(Parse(SdpBodies.Linphone), Local);

        Assert.NotNull(result.Audio);
        Assert.Equal(AudioCodec.Pcmu, result.Audio!.Codec);
        Assert.Equal(0, result.Audio.PayloadType);
        Assert.Equal(100, result.Audio.TelephoneEventPayloadType);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("192.168.1.10"), 7078), result.Audio.RemoteRtp);
        Assert.Equal(7079, result.Audio.RemoteRtcp.Port);
        Assert.Equal(SdpDirection.SendRecv, result.Audio.LocalDirection);
        AssertGolden("answer-linphone", result.Answer);
    }

    [Fact]
    public void HoldOfferIsAnsweredRecvOnly()
    {
        SdpAnswerResult result = SdpOfferAnswer.CreateAnswer(Parse(SdpBodies.Hold), Local with { SessionVersion = 2 });

        Assert.Equal(AudioCodec.Pcma, result.Audio!.Codec);
        Assert.Null(result.Audio.TelephoneEventPayloadType);
        Assert.Equal(SdpDirection.RecvOnly, result.Audio.LocalDirection);
        Assert.True(result.Audio.IsOnHold);
        AssertGolden("answer-hold", result.Answer);
    }

    [Fact]
    public void ZoiperOfferTakesTheFirstSupportedCodecInOfferOrderAndItsPtime()
    {
        SdpAnswerResult result = SdpOfferAnswer.CreateAnswer(Parse(SdpBodies.Zoiper), Local);

        Assert.Equal(AudioCodec.Pcma, result.Audio!.Codec);
        Assert.Equal(101, result.Audio.TelephoneEventPayloadType);
        Assert.Equal(30, result.Audio.Ptime);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("10.0.0.5"), 8000), result.Audio.RemoteRtp);
    }

    [Fact]
    public void SippDefaultOfferIsAnsweredWithPcmuAndNoTelephoneEvent()
    {
        SdpAnswerResult result = SdpOfferAnswer.CreateAnswer(Parse(SdpBodies.Sipp), Local);

        Assert.Equal(AudioCodec.Pcmu, result.Audio!.Codec);
        Assert.Null(result.Audio.TelephoneEventPayloadType);
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 6000), result.Audio.RemoteRtp);
        Assert.Equal(["0"], result.Answer.Media[0].Formats);
    }

    [Theory]
    [InlineData("sendonly", SdpDirection.RecvOnly)]
    [InlineData("recvonly", SdpDirection.SendOnly)]
    [InlineData("inactive", SdpDirection.Inactive)]
    [InlineData("sendrecv", SdpDirection.SendRecv)]
    public void AnswerMirrorsTheOfferedDirection(string offered, SdpDirection answered)
    {
        SdpAnswerResult result = SdpOfferAnswer.CreateAnswer(Parse(SdpBodies.Sipp + "a=" + offered + "\r\n"), Local);

        Assert.Equal(answered, result.Audio!.LocalDirection);
        Assert.Equal(answered, result.Answer.Media[0].Direction);
    }

    [Fact]
    public void OldStyleHoldWithZeroAddressCountsAsSendOnly()
    {
        SdpAnswerResult result = SdpOfferAnswer.CreateAnswer(Parse(SdpBodies.Sipp.Replace("c=IN IP4 127.0.0.1", "c=IN IP4 0.0.0.0", StringComparison.Ordinal)), Local);

        Assert.Equal(SdpDirection.RecvOnly, result.Audio!.LocalDirection);
    }

    [Theory]
    [InlineData("m=audio 6000 RTP/AVP 0", "m=audio 6000 RTP/AVP 18")]
    [InlineData("m=audio 6000 RTP/AVP 0", "m=audio 6000 RTP/SAVP 0")]
    [InlineData("m=audio 6000 RTP/AVP 0", "m=audio 0 RTP/AVP 0")]
    public void OfferWithoutUsableAudioIsRejectedWithPortZero(string from, string to)
    {
        SdpAnswerResult result = SdpOfferAnswer.CreateAnswer(Parse(SdpBodies.Sipp.Replace(from, to, StringComparison.Ordinal)), Local);

        Assert.Null(result.Audio);
        Assert.Equal(0, Assert.Single(result.Answer.Media).Port);
    }

    [Fact]
    public void AnswerToOurOfferIsRead()
    {
        SdpSession answer = SdpOfferAnswer.CreateAnswer(SdpOfferAnswer.CreateOffer(Local), Local with { Address = IPAddress.Parse("192.0.2.60"), Port = 4000 }).Answer;

        Assert.True(SdpOfferAnswer.TryReadAnswer(answer, Local, out SdpNegotiatedAudio? audio));
        Assert.Equal(AudioCodec.Pcmu, audio!.Codec);
        Assert.Equal(101, audio.TelephoneEventPayloadType);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("192.0.2.60"), 4000), audio.RemoteRtp);
    }
}
