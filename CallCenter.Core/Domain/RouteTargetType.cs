namespace CallCenter.Core.Domain;

/// <summary>Where a dialled number, or a queue's overflow, leads.</summary>
public enum RouteTargetType
{
    IvrFlow,
    Queue,
    Extension,
    EchoTest,
    Voicemail,
    InfoService,
    /// <summary>Play a message, then hang up.</summary>
    Hangup,
}
