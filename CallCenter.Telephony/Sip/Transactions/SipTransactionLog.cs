using CallCenter.Telephony.Sip.Transport;

using Microsoft.Extensions.Logging;

namespace CallCenter.Telephony.Sip.Transactions;

/// <summary>Source-generated log messages of the transaction layer.</summary>
internal static partial class SipTransactionLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "SIP send to {Destination} failed: {Reason}")]
    public static partial void SendFailed(ILogger logger, SipEndPoint destination, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "SIP response {StatusCode} matches no client transaction (branch {Branch}); dropped (RFC 3261 §18.1.2)")]
    public static partial void StrayResponse(ILogger logger, int statusCode, string? branch);

    [LoggerMessage(Level = LogLevel.Debug, Message = "SIP {Method} from {Source} merged with an earlier request (RFC 3261 §8.2.2.2): 482")]
    public static partial void Merged(ILogger logger, string method, SipEndPoint source);

    [LoggerMessage(Level = LogLevel.Error, Message = "SIP request handler failed on {Method} from {Source}")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string method, SipEndPoint source);

    [LoggerMessage(Level = LogLevel.Information, Message = "SIP INVITE server transaction {Key} got no ACK before Timer H (RFC 3261 §17.2.1)")]
    public static partial void NoAck(ILogger logger, string key);
}
