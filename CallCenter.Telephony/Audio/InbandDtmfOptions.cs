namespace CallCenter.Telephony.Audio;

/// <summary>The acceptance limits of an <see cref="InbandDtmfDetector"/>; the defaults follow ITU-T Q.24.</summary>
public sealed record InbandDtmfOptions
{
    /// <summary>
    /// How much louder the high-group (column) tone may be than the low-group (row) tone, in dB: the usual
    /// direction, since phones send the high group louder to make up for the line's greater loss there.
    /// </summary>
    public double NormalTwistDb { get; init; } = 8;

    /// <summary>How much louder the low-group (row) tone may be than the high-group (column) tone, in dB.</summary>
    public double ReverseTwistDb { get; init; } = 4;

    /// <summary>The weakest level of each of the two tones that is still a key press, in dBm0.</summary>
    public double MinimumLevelDbm0 { get; init; } = -32;

    /// <summary>How far the strongest row (and column) frequency must stand above the other three, in dB.</summary>
    public double RelativePeakDb { get; init; } = 6;

    /// <summary>
    /// Refuse a pair whose second harmonics are strong (within 15 dB of the tones): voice and music have them,
    /// a DTMF generator does not, so this keeps speech from being heard as digits ("talk-off").
    /// </summary>
    public bool RejectSecondHarmonics { get; init; } = true;
}
