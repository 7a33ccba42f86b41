namespace CallCenter.Telephony.Calls.Control;

/// <summary>Why the call-control API could not act (pages show a localized text per value, with the result's reason).</summary>
public enum CallControlError
{
    /// <summary>Done.</summary>
    None,

    /// <summary>No call in progress has that id (it may just have ended).</summary>
    NoSuchCall,

    /// <summary>The acting extension is not a party to the call (or the leg is not part of it).</summary>
    NotAParty,

    /// <summary>The call's state does not allow it (not answered yet, already held, no consultation...).</summary>
    InvalidState,

    /// <summary>The number is not known (no extension, dialled number or trunk prefix).</summary>
    TargetNotFound,

    /// <summary>The target is busy.</summary>
    TargetBusy,

    /// <summary>The target did not answer in time.</summary>
    TargetNoAnswer,

    /// <summary>The target declined, is not registered, or could not be reached.</summary>
    TargetUnavailable,

    /// <summary>The request itself is invalid (empty number, bad digits).</summary>
    InvalidArgument,
}
