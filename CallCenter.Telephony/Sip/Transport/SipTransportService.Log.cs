using System.Net;

using CallCenter.Telephony.Sip.Messages;

using Microsoft.Extensions.Logging;

namespace CallCenter.Telephony.Sip.Transport;

public sealed partial class SipTransportService
{
    [LoggerMessage(Level = LogLevel.Information, Message = "SIP listening on {Udp} and {Tcp}, advertised as {Host}")]
    private partial void LogListening(SipEndPoint udp, SipEndPoint tcp, string host);

    [LoggerMessage(Level = LogLevel.Critical, Message = "SIP cannot bind {Address}:{Port}; SIP is down")]
    private partial void LogBindFailed(Exception exception, string address, int port);

    [LoggerMessage(Level = LogLevel.Error, Message = "SIP {Transport} listener failed")]
    private partial void LogReceiveFailed(Exception exception, string transport);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SIP datagram from {Source} could not be taken in ({Suppressed} more since the last report)")]
    private partial void LogDatagramFailed(Exception exception, IPEndPoint source, long suppressed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SIP stream from {Source} cannot be framed ({Error}); connection closed ({Suppressed} more since the last report)")]
    private partial void LogStreamMalformed(SipEndPoint source, SipParseError error, long suppressed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SIP refused to send to {Destination}: broadcast or multicast")]
    private partial void LogRefusedDestination(SipEndPoint destination);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SIP TCP connection from {Source} refused: too many connections")]
    private partial void LogTooManyConnections(SipEndPoint source);

    [LoggerMessage(Level = LogLevel.Debug, Message = "SIP closed {Count} idle TCP connections")]
    private partial void LogIdleClosed(int count);
}
