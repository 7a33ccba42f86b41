namespace CallCenter.Telephony.Media.Mixing;

/// <summary>A key press a conference participant sent as RFC 4733 telephone-events.</summary>
/// <param name="Participant">The participant that pressed the key.</param>
/// <param name="Digit">'0'-'9', '*', '#', 'A'-'D', or '!' for flash.</param>
/// <param name="DurationSamples">The event duration in timestamp units (8 kHz samples).</param>
public sealed record MixerDtmfEventArgs(MixerParticipant Participant, char Digit, int DurationSamples);
