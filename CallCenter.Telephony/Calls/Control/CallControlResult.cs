namespace CallCenter.Telephony.Calls.Control;

/// <summary>What a call-control operation did: done (with the new leg or call when it made one), or why not.</summary>
/// <param name="Error"><see cref="CallControlError.None"/> when it succeeded.</param>
/// <param name="Reason">For a failure: what went wrong, in plain words (logs, tooltips); null on success.</param>
/// <param name="Id">The leg (transfer target, consulted or added party, supervisor) or call (originate) it created, if any.</param>
public sealed record CallControlResult(CallControlError Error, string? Reason = null, Guid? Id = null)
{
    /// <summary>True when the operation was carried out.</summary>
    public bool Succeeded => Error == CallControlError.None;

    /// <summary>Success, with the id of what was created.</summary>
    public static CallControlResult Ok(Guid? id = null) => new(CallControlError.None, null, id);

    /// <summary>A refusal.</summary>
    public static CallControlResult Fail(CallControlError error, string reason) => new(error, reason);

    /// <summary>The result of dialling <paramref name="number"/> that ended with SIP status <paramref name="status"/>.</summary>
    public static CallControlResult FromStatus(int status, string number) => status switch
    {
        >= 200 and < 300 => Ok(),
        404 or 484 or 604 => Fail(CallControlError.TargetNotFound, $"{number} is not a known number."),
        486 or 600 => Fail(CallControlError.TargetBusy, $"{number} is busy."),
        408 or 487 => Fail(CallControlError.TargetNoAnswer, $"{number} did not answer."),
        _ => Fail(CallControlError.TargetUnavailable, $"{number} could not be reached (SIP {status})."),
    };
}
