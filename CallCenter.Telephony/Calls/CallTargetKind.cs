namespace CallCenter.Telephony.Calls;

/// <summary>What a dialled number leads to.</summary>
public enum CallTargetKind
{
    /// <summary>No such number: 404 (RFC 3261 §21.4.5).</summary>
    NotFound,

    /// <summary>An extension: ring its registered contacts.</summary>
    Extension,

    /// <summary>The echo test: the caller hears its own audio.</summary>
    Echo,
}
