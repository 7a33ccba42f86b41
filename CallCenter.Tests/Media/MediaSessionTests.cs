using System.Net;

using CallCenter.Telephony.Media;
using CallCenter.Telephony.Sdp;

namespace CallCenter.Tests.Media;

public class MediaSessionTests
{
    [Fact]
    public void OfferAnswerBetweenTwoSessionsPointsEachEndpointAtTheOther()
    {
        (MediaFactory factory, _, MediaClock clock) = MediaTestFactory.Create();
        using MediaClock ownedClock = clock;
        using var caller = new MediaSession(factory.CreateEndpoint());
        using var callee = new MediaSession(factory.CreateEndpoint(), IPAddress.Parse("127.0.0.1"), [AudioCodec.Pcma]);

        SdpSession offer = caller.CreateOffer();
        SdpAnswerResult answer = callee.Answer(offer);
        Assert.True(caller.ApplyAnswer(answer.Answer));

        Assert.Equal(AudioCodec.Pcma, caller.Audio!.Codec);
        Assert.Equal(AudioCodec.Pcma, callee.Audio!.Codec);
        Assert.Equal(callee.Endpoint.LocalRtp, caller.Endpoint.RemoteRtp);
        Assert.Equal(caller.Endpoint.LocalRtp, callee.Endpoint.RemoteRtp);
        Assert.Equal("1", offer.Origin.SessionVersion);

        // Hold: a sendonly re-offer is answered recvonly, and each side's endpoint direction follows.
        SdpSession hold = caller.CreateOffer(SdpDirection.SendOnly);
        Assert.Equal("2", hold.Origin.SessionVersion);
        Assert.Equal(caller.Local.SessionId.ToString(System.Globalization.CultureInfo.InvariantCulture), hold.Origin.SessionId);
        SdpAnswerResult held = callee.Answer(hold);
        Assert.Equal(SdpDirection.RecvOnly, callee.Endpoint.Direction);
        Assert.True(caller.ApplyAnswer(held.Answer));
        Assert.Equal(SdpDirection.SendOnly, caller.Endpoint.Direction);
    }
}
