using CallCenter.Telephony.Hosting;
using CallCenter.Telephony.Media;

using Microsoft.Extensions.Options;

namespace CallCenter.Tests.Media;

/// <summary>
/// A media factory on 127.0.0.1 over a port range of its own (pairs another process holds are skipped); RTCP reports
/// off unless asked for, so no report lands on another test's socket.
/// </summary>
internal static class MediaTestFactory
{
    private static int _nextBase = 40000 + (Random.Shared.Next(0, 500) * 20);

    public static (MediaFactory Factory, RtpPortAllocator Ports, MediaClock Clock) Create(int pairs = 50, int mediaTimeoutSeconds = 30, double rtcpIntervalSeconds = 0)
    {
        int min = Interlocked.Add(ref _nextBase, pairs * 2 + 20);
        var rtp = new RtpOptions { PortMin = min, PortMax = min + (pairs * 2) - 1, BindAddress = "127.0.0.1", MediaTimeoutSeconds = mediaTimeoutSeconds, RtcpIntervalSeconds = rtcpIntervalSeconds };
        var ports = new RtpPortAllocator(rtp.PortMin, rtp.PortMax);
        var clock = new MediaClock();
        return (new MediaFactory(ports, clock, Options.Create(rtp), Options.Create(new SipOptions())), ports, clock);
    }
}
