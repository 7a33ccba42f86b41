namespace CallCenter.Telephony.Media;

/// <summary>One side of a <see cref="MediaBridge"/>.</summary>
public enum MediaLeg
{
    /// <summary>The first leg (by convention the caller's).</summary>
    A,

    /// <summary>The second leg (the callee's).</summary>
    B,
}
