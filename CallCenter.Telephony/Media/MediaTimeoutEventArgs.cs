namespace CallCenter.Telephony.Media;

/// <summary>A leg sent no RTP for longer than the media timeout while not on hold.</summary>
/// <param name="Leg">The silent leg.</param>
/// <param name="Silence">How long it has been silent.</param>
public sealed record MediaTimeoutEventArgs(MediaLeg Leg, TimeSpan Silence);
