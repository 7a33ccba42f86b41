using System.Text;

namespace CallCenter.Benchmarks;

/// <summary>Typical messages of a contact-center PBX: an INVITE with SDP (~900 bytes, 12 headers), a REGISTER and a
/// 200 OK.</summary>
internal static class SipSamples
{
    private const string Sdp =
        "v=0\r\n" +
        "o=1001 3456789 3456789 IN IP4 192.0.2.10\r\n" +
        "s=-\r\n" +
        "c=IN IP4 192.0.2.10\r\n" +
        "t=0 0\r\n" +
        "m=audio 40000 RTP/AVP 0 8 101\r\n" +
        "a=rtpmap:0 PCMU/8000\r\n" +
        "a=rtpmap:8 PCMA/8000\r\n" +
        "a=rtpmap:101 telephone-event/8000\r\n" +
        "a=fmtp:101 0-16\r\n" +
        "a=ptime:20\r\n" +
        "a=sendrecv\r\n";

    public static readonly byte[] Invite = Encoding.ASCII.GetBytes(
        "INVITE sip:4001@pbx.example.com SIP/2.0\r\n" +
        "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-524287-1---a83bdf2c4e1e7f3a;rport\r\n" +
        "Max-Forwards: 70\r\n" +
        "Contact: <sip:1001@192.0.2.10:5060;transport=udp>\r\n" +
        "To: <sip:4001@pbx.example.com>\r\n" +
        "From: \"Agent 1001\" <sip:1001@pbx.example.com>;tag=8f3a1b2c\r\n" +
        "Call-ID: ZDc3OWI1ZmM5NjM2YmQ4ZjQyMzI1YTk2MmM5ZTY0NzI@192.0.2.10\r\n" +
        "CSeq: 2 INVITE\r\n" +
        "Allow: INVITE, ACK, CANCEL, BYE, NOTIFY, REFER, MESSAGE, OPTIONS, INFO, SUBSCRIBE\r\n" +
        "Content-Type: application/sdp\r\n" +
        "Supported: replaces, norefersub, timer\r\n" +
        "User-Agent: Zoiper rv2.10.19.6\r\n" +
        "Authorization: Digest username=\"1001\",realm=\"pbx.example.com\",nonce=\"5f2b8c\",uri=\"sip:4001@pbx.example.com\",response=\"9a8b7c6d5e4f\",algorithm=MD5\r\n" +
        $"Content-Length: {Sdp.Length}\r\n\r\n" + Sdp);

    public static readonly byte[] Register = Encoding.ASCII.GetBytes(
        "REGISTER sip:pbx.example.com SIP/2.0\r\n" +
        "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-524287-1---77f1b2a9;rport\r\n" +
        "Max-Forwards: 70\r\n" +
        "Contact: <sip:1001@192.0.2.10:5060;rinstance=8c1d2e3f;transport=udp>\r\n" +
        "To: <sip:1001@pbx.example.com>\r\n" +
        "From: <sip:1001@pbx.example.com>;tag=4a7b9c1d\r\n" +
        "Call-ID: OTk1ZmI4MzQ4ZTY1NjI5ZWY2ZmQ3NmY1MzVjNGQ2NjE@192.0.2.10\r\n" +
        "CSeq: 3 REGISTER\r\n" +
        "Expires: 3600\r\n" +
        "Allow: INVITE, ACK, CANCEL, BYE, NOTIFY, REFER, MESSAGE, OPTIONS, INFO, SUBSCRIBE\r\n" +
        "User-Agent: Zoiper rv2.10.19.6\r\n" +
        "Content-Length: 0\r\n\r\n");

    public static readonly byte[] Ok = Encoding.ASCII.GetBytes(
        "SIP/2.0 200 OK\r\n" +
        "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-524287-1---77f1b2a9;rport=5060;received=192.0.2.10\r\n" +
        "To: <sip:1001@pbx.example.com>;tag=as5f3c2a1b\r\n" +
        "From: <sip:1001@pbx.example.com>;tag=4a7b9c1d\r\n" +
        "Call-ID: OTk1ZmI4MzQ4ZTY1NjI5ZWY2ZmQ3NmY1MzVjNGQ2NjE@192.0.2.10\r\n" +
        "CSeq: 3 REGISTER\r\n" +
        "Contact: <sip:1001@192.0.2.10:5060;rinstance=8c1d2e3f;transport=udp>;expires=3600\r\n" +
        "Server: CallCenter\r\n" +
        "Date: Sat, 13 Nov 2010 23:29:00 GMT\r\n" +
        "Content-Length: 0\r\n\r\n");
}
