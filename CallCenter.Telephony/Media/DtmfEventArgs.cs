namespace CallCenter.Telephony.Media;

/// <summary>A key press received as RFC 4733 telephone-events.</summary>
/// <param name="Leg">The leg the digit came from.</param>
/// <param name="Digit">'0'-'9', '*', '#', 'A'-'D', or '!' for flash.</param>
/// <param name="DurationSamples">The event duration in timestamp units (8 kHz samples).</param>
public sealed record DtmfEventArgs(MediaLeg Leg, char Digit, int DurationSamples);
