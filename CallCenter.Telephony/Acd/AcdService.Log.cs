using Microsoft.Extensions.Logging;

namespace CallCenter.Telephony.Acd;

// The ACD's log messages (event ids 6001-6099).
public sealed partial class AcdService
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Debug, Message = "Agent {Extension} is {Status} ({Reason}), call {CallId}, queue {Queue}")]
    private static partial void LogStateChanged(ILogger logger, string extension, AgentStatus status, string? reason, Guid? callId, string? queue);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Information, Message = "Log-in refused for {Extension}: unknown or inactive extension")]
    private static partial void LogLoginRefused(ILogger logger, string extension);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Warning, Message = "Call {CallId} asked for unknown queue {Queue}")]
    private static partial void LogUnknownQueue(ILogger logger, string queue, Guid callId);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Debug, Message = "Queue {Queue} offers call {CallId} to {Extensions}")]
    private static partial void LogOffer(ILogger logger, string queue, Guid callId, string extensions);

    [LoggerMessage(EventId = 6005, Level = LogLevel.Warning, Message = "Offer of call {CallId} in queue {Queue} failed")]
    private static partial void LogOfferFailed(ILogger logger, Exception exception, string queue, Guid callId);

    [LoggerMessage(EventId = 6006, Level = LogLevel.Information, Message = "Call {CallId} left queue {Queue}: {Reason} {Agent}")]
    private static partial void LogQueueExit(ILogger logger, string queue, Guid callId, QueueExitReason reason, string? agent);
}
