namespace CallCenter.Telephony.Audio;

/// <summary>
/// The call-progress tones callers in China expect: 450 Hz at about -10 dBm0 with the national cadences
/// (as listed for China in ITU-T E.180 Supplement 2): dial tone continuous, ringback 1 s on / 4 s off, busy
/// 0.35 s on / 0.35 s off, congestion 0.7 s on / 0.7 s off; plus a 1 kHz beep (before a voicemail
/// recording). Each call returns a new source (sources are read by one player at a time).
/// </summary>
public static class Tones
{
    /// <summary>The frequency of the Chinese supervisory tones.</summary>
    public const int SignallingFrequencyHz = 450;

    /// <summary>The beep's frequency.</summary>
    public const int BeepFrequencyHz = 1000;

    /// <summary>The beep's length.</summary>
    public const int BeepMilliseconds = 500;

    /// <summary>Dial tone: continuous, endless.</summary>
    public static ToneSource Dial() => new(SignallingFrequencyHz, 1000);

    /// <summary>Ringback (回铃音): 1 s on, 4 s off, endless.</summary>
    public static ToneSource Ringback() => new(SignallingFrequencyHz, 1000, 4000);

    /// <summary>Busy (忙音): 0.35 s on, 0.35 s off, endless.</summary>
    public static ToneSource Busy() => new(SignallingFrequencyHz, 350, 350);

    /// <summary>Congestion (拥塞音): 0.7 s on, 0.7 s off, endless.</summary>
    public static ToneSource Congestion() => new(SignallingFrequencyHz, 700, 700);

    /// <summary>A single 1 kHz beep of 0.5 s; the source then finishes.</summary>
    public static ToneSource Beep() => new(BeepFrequencyHz, BeepMilliseconds, 0, BeepMilliseconds);
}
