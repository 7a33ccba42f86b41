namespace CallCenter.Telephony.Events;

/// <summary>Whose SIP dialog a leg is.</summary>
public enum CallLegRole
{
    /// <summary>The customer's (caller's or callee's) phone, registered or direct.</summary>
    Customer,

    /// <summary>An agent's extension.</summary>
    Agent,

    /// <summary>A dialog with a carrier trunk.</summary>
    Trunk,

    /// <summary>A party consulted during an attended transfer.</summary>
    Consult,

    /// <summary>A party added to a three-way call.</summary>
    Conference,

    /// <summary>A supervisor listening, whispering or barging in.</summary>
    Monitor,
}
