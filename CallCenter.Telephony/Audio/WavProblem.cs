namespace CallCenter.Telephony.Audio;

/// <summary>Why a WAV file was refused, with a message for the administrator who uploaded it.</summary>
/// <param name="Reason">The kind of problem.</param>
/// <param name="Message">What was found and what is accepted, e.g. "44100 Hz is not supported: use 8 or 16 kHz mono".</param>
public sealed record WavProblem(WavRefusal Reason, string Message)
{
    /// <summary>What every message ends with: the formats a prompt may have.</summary>
    public const string Accepted = "use an 8 or 16 kHz mono WAV, 16-bit PCM or G.711 A-law/µ-law";

    /// <summary>A refusal of a file bigger than <paramref name="maxBytes"/>.</summary>
    public static WavProblem TooLarge(long bytes, long maxBytes) =>
        new(WavRefusal.TooLarge, $"The file is {Megabytes(bytes)} MB, more than the {Megabytes(maxBytes)} MB allowed: shorten it, or {Accepted} (8 kHz G.711 is the smallest).");

    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
}
