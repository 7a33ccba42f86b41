using CallCenter.Telephony.Media;
using CallCenter.Telephony.Rtp;

namespace CallCenter.Tests.Media;

public class EchoEndpointTests
{
    [Fact]
    public void EachPacketGoesBackToItsSourceWithOurSsrcAndContinuousSequence()
    {
        (MediaFactory factory, _, MediaClock clock) = MediaTestFactory.Create();
        using MediaClock ownedClock = clock;
        using RtpEndpoint endpoint = factory.CreateEndpoint();
        using var phone = new TestPhone();
        using EchoEndpoint echo = factory.CreateEcho(endpoint);
        echo.Start();

        ushort? first = null;
        for (ushort i = 0; i < 5; i++)
        {
            // The source changes half way (a new SSRC), the echo stays one stream.
            uint ssrc = i < 3 ? 0xAAAAu : 0xBBBBu;
            phone.Send(TestPhone.Rtp(ssrc, (ushort)(i < 3 ? 100 + i : 9000 + i), 160u * i, fill: (byte)(i + 1)), endpoint.LocalRtp);
            Assert.True(RtpPacket.TryParse(phone.Receive(), out RtpPacket p));
            Assert.Equal(echo.Ssrc, p.Ssrc);
            first ??= p.SequenceNumber;
            Assert.Equal((ushort)(first.Value + i), p.SequenceNumber);
            Assert.Equal((byte)(i + 1), p.Payload[0]);
        }
    }
}
