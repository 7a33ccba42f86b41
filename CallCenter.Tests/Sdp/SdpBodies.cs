namespace CallCenter.Tests.Sdp;

/// <summary>SDP bodies as real user agents send them.</summary>
internal static class SdpBodies
{
    /// <summary>sipp's built-in uac scenario body, with its keywords filled in (127.0.0.1, media port 6000).</summary>
    public const string Sipp =
        "v=0\r\n" +
        "o=user1 53655765 2353687637 IN IP4 127.0.0.1\r\n" +
        "s=-\r\n" +
        "c=IN IP4 127.0.0.1\r\n" +
        "t=0 0\r\n" +
        "m=audio 6000 RTP/AVP 0\r\n" +
        "a=rtpmap:0 PCMU/8000\r\n";

    /// <summary>A Linphone offer: Opus and Speex first, three telephone-event clock rates, a video stream.</summary>
    public const string Linphone =
        "v=0\r\n" +
        "o=alice 1234 5678 IN IP4 192.168.1.10\r\n" +
        "s=Talk\r\n" +
        "c=IN IP4 192.168.1.10\r\n" +
        "t=0 0\r\n" +
        "a=rtcp-xr:rcvr-rtt=all:10000 stat-summary=loss,dup,jitt,TTL voip-metrics\r\n" +
        "m=audio 7078 RTP/AVP 96 97 98 0 8 18 101 99 100\r\n" +
        "a=rtpmap:96 opus/48000/2\r\n" +
        "a=fmtp:96 useinbandfec=1\r\n" +
        "a=rtpmap:97 speex/16000\r\n" +
        "a=fmtp:97 vbr=on\r\n" +
        "a=rtpmap:98 speex/8000\r\n" +
        "a=fmtp:98 vbr=on\r\n" +
        "a=fmtp:18 annexb=yes\r\n" +
        "a=rtpmap:101 telephone-event/48000\r\n" +
        "a=rtpmap:99 telephone-event/16000\r\n" +
        "a=rtpmap:100 telephone-event/8000\r\n" +
        "a=rtcp:7079\r\n" +
        "a=rtcp-fb:* trr-int 1000\r\n" +
        "m=video 9078 RTP/AVP 96 97\r\n" +
        "a=rtpmap:96 VP8/90000\r\n" +
        "a=rtpmap:97 H264/90000\r\n";

    /// <summary>A Zoiper offer (LF line ends as some builds send): PCMA preferred over PCMU, rtcp-mux.</summary>
    public const string Zoiper =
        "v=0\n" +
        "o=Z 0 0 IN IP4 10.0.0.5\n" +
        "s=Z\n" +
        "c=IN IP4 10.0.0.5\n" +
        "t=0 0\n" +
        "m=audio 8000 RTP/AVP 106 9 8 98 101 0 3\n" +
        "a=rtpmap:106 opus/48000/2\n" +
        "a=fmtp:106 sprop-maxcapturerate=16000; minptime=20; useinbandfec=1\n" +
        "a=rtpmap:98 telephone-event/48000\n" +
        "a=fmtp:98 0-16\n" +
        "a=rtpmap:101 telephone-event/8000\n" +
        "a=fmtp:101 0-16\n" +
        "a=ptime:30\n" +
        "a=sendrecv\n" +
        "a=rtcp-mux\n";

    /// <summary>A re-INVITE putting us on hold (Yealink style: a=sendonly).</summary>
    public const string Hold =
        "v=0\r\n" +
        "o=- 20045 20046 IN IP4 10.1.1.7\r\n" +
        "s=SDP data\r\n" +
        "c=IN IP4 10.1.1.7\r\n" +
        "t=0 0\r\n" +
        "m=audio 11796 RTP/AVP 8 18\r\n" +
        "a=rtpmap:8 PCMA/8000\r\n" +
        "a=rtpmap:18 G729/8000\r\n" +
        "a=sendonly\r\n";
}
