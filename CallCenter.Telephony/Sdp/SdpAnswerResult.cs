namespace CallCenter.Telephony.Sdp;

/// <summary>Our answer to an offer, and the audio stream it agrees on (null when no audio was taken: answer with 488).</summary>
/// <param name="Answer">The answer to send; every m= we do not take has port 0 (RFC 3264 §6).</param>
/// <param name="Audio">The negotiated audio stream, or null when no offered audio stream had a codec we take.</param>
public sealed record SdpAnswerResult(SdpSession Answer, SdpNegotiatedAudio? Audio);
