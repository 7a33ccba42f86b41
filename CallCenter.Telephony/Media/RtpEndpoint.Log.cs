using System.Net;
using System.Net.Sockets;

using Microsoft.Extensions.Logging;

namespace CallCenter.Telephony.Media;

public sealed partial class RtpEndpoint
{
    [LoggerMessage(EventId = 10, Level = LogLevel.Debug, Message = "RTP port {Port} latched to {Remote} (symmetric RTP)")]
    private static partial void LogLatched(ILogger logger, int port, IPEndPoint remote);

    [LoggerMessage(EventId = 11, Level = LogLevel.Debug, Message = "RTP send from port {Port} failed: {Error}")]
    private static partial void LogSendFailed(ILogger logger, int port, SocketError error);

    [LoggerMessage(EventId = 12, Level = LogLevel.Debug, Message = "RTP receive on port {Port} failed: {Error}")]
    private static partial void LogReceiveFailed(ILogger logger, int port, SocketError error);

    [LoggerMessage(EventId = 13, Level = LogLevel.Error, Message = "RTP receive loop on port {Port} ended")]
    private static partial void LogLoopFailed(ILogger logger, int port, Exception exception);
}
