namespace CallCenter.Telephony.Calls;

/// <summary>A resolved dialled number.</summary>
/// <param name="Kind">What it leads to.</param>
/// <param name="Extension">For <see cref="CallTargetKind.Extension"/>: the extension to ring.</param>
public sealed record CallTarget(CallTargetKind Kind, string? Extension = null)
{
    /// <summary>The unknown number.</summary>
    public static CallTarget NotFound { get; } = new(CallTargetKind.NotFound);
}
