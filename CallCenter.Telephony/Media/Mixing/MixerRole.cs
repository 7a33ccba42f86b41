namespace CallCenter.Telephony.Media.Mixing;

/// <summary>What a <see cref="MixerParticipant"/> hears and who hears it.</summary>
public enum MixerRole
{
    /// <summary>A party of the conference (three-way call, barge): hears everyone else and is heard by everyone.</summary>
    Speaker,

    /// <summary>Silent monitoring (监听): hears the speakers, is heard by nobody.</summary>
    Listener,

    /// <summary>Whisper (耳语): hears the speakers, is heard only by its whisper target (the agent).</summary>
    Whisperer,
}
