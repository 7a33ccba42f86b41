namespace CallCenter.Telephony.Routing;

/// <summary>What a dialled number leads to.</summary>
public enum RouteTargetKind
{
    /// <summary>No such number: the engine answers 404.</summary>
    NotFound,

    /// <summary>An agent's extension; <see cref="RouteTarget.Key"/> is the extension. The engine checks the registration.</summary>
    Extension,

    /// <summary>The echo test: the caller hears its own audio.</summary>
    EchoTest,

    /// <summary>An ACD queue; <see cref="RouteTarget.Key"/> is the queue name.</summary>
    Queue,

    /// <summary>An IVR flow; <see cref="RouteTarget.Key"/> is the flow name.</summary>
    IvrFlow,

    /// <summary>The information service (audiotex); <see cref="RouteTarget.Key"/> names it.</summary>
    InfoService,

    /// <summary>A voicemail box; <see cref="RouteTarget.Key"/> names it.</summary>
    Voicemail,

    /// <summary>Play a message, then hang up.</summary>
    Hangup,

    /// <summary>An outside number through a trunk; <see cref="RouteTarget.Key"/> is the number to send, <see cref="RouteTarget.Trunk"/> the trunk.</summary>
    Trunk,

    /// <summary>A feature code an agent's phone dialled (*61 log in and Ready, *62 NotReady, *63 log out, *97 voicemail); <see cref="RouteTarget.Key"/> is the code.</summary>
    FeatureCode,
}
