using System.Collections.Concurrent;

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CallCenter.Telephony.Audio;

/// <summary>
/// Finds prompts by name: "welcome" is welcome.wav in <see cref="PromptOptions.Directory"/>, read through
/// <see cref="WavReader"/>, decoded once and kept (each caller gets its own <see cref="PcmAudioSource"/>
/// over the shared samples). A file replaced on disk is read again: the cache is checked against the file's
/// size and time, one stat per open, which is on call set-up and never on the media path. A name without a
/// usable file falls back to a built-in: <see cref="MusicOnHold"/> to the generated melody, "beep", "dial",
/// "ringback", "busy" and "congestion" to <see cref="Tones"/>, "blacklisted" and "queue-unavailable" to a short
/// 450 Hz cadence, "digit-0".."digit-9" to the digit's DTMF tones, and any other name to a beep (with a warning
/// logged), so a missing recording is noticed instead of being silence. Thread-safe.
/// </summary>
public sealed partial class PromptLibrary
{
    /// <summary>The music on hold's prompt name (moh.wav).</summary>
    public const string MusicOnHold = "moh";

    private readonly IOptions<PromptOptions> _options;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, CachedPrompt> _cache = new(StringComparer.Ordinal);

    /// <summary>Creates the library; the options are read at each open, so the host may set the folder late.</summary>
    public PromptLibrary(IOptions<PromptOptions> options, ILogger<PromptLibrary>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>The names that play something without a file.</summary>
    public static IReadOnlyList<string> BuiltInNames { get; } = [MusicOnHold, "beep", "dial", "ringback", "busy", "congestion", "blacklisted", "queue-unavailable", .. Enumerable.Range(0, 10).Select(d => $"digit-{d}")];

    /// <summary>
    /// Whether <paramref name="name"/> can name a prompt: letters, digits, '-', '_' and '.', not starting
    /// with '.', so a name can never leave the prompt folder.
    /// </summary>
    public static bool IsValidName(string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > 100 || name[0] == '.' || name.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }
        foreach (char c in name)
        {
            if (!char.IsLetterOrDigit(c) && c is not ('-' or '_' or '.'))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The prompt's audio: its file if there is a usable one, else the built-in for that name, else a beep.</summary>
    public async ValueTask<IAudioSource> OpenAsync(string name, CancellationToken cancellationToken)
    {
        short[]? samples = await TryLoadFileAsync(name, cancellationToken).ConfigureAwait(false);
        if (samples is not null)
        {
            return new PcmAudioSource(samples);
        }
        IAudioSource? builtIn = BuiltIn(name);
        if (builtIn is not null)
        {
            return builtIn;
        }
        LogPromptMissing(_logger, name);
        return Tones.Beep();
    }

    /// <summary>
    /// The prompt's file or built-in, or null when it has neither: for the parts of announcements a deployment may
    /// record ("queue-position", "voicemail-greeting"...) and that are simply left out until it does.
    /// </summary>
    public async ValueTask<IAudioSource?> OpenOptionalAsync(string name, CancellationToken cancellationToken) =>
        await TryLoadFileAsync(name, cancellationToken).ConfigureAwait(false) is { } samples ? new PcmAudioSource(samples) : BuiltIn(name);

    /// <summary>The music on hold: moh.wav if there is a usable one, else the built-in melody. Play it looping.</summary>
    public ValueTask<IAudioSource> OpenMusicOnHoldAsync(CancellationToken cancellationToken) => OpenAsync(MusicOnHold, cancellationToken);

    /// <summary>The decoded 8 kHz samples of the prompt's file, or null when there is none or it was refused (logged).</summary>
    public async ValueTask<short[]?> TryLoadFileAsync(string name, CancellationToken cancellationToken)
    {
        PromptOptions options = _options.Value;
        string? path = PathOf(options.Directory, name);
        if (path is null)
        {
            return null;
        }
        string key = Path.GetFileName(path);
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            return null;
        }
        if (_cache.TryGetValue(key, out CachedPrompt? cached) && cached.Length == file.Length && cached.WrittenAt == file.LastWriteTimeUtc)
        {
            return cached.Samples;
        }
        short[]? samples = null;
        WavProblem? problem;
        if (file.Length > options.MaxPromptBytes)
        {
            problem = WavProblem.TooLarge(file.Length, options.MaxPromptBytes);
        }
        else
        {
            byte[] bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
            WavReader.TryRead(bytes, out samples, out problem, options.MaxPromptBytes);
        }
        if (problem is not null)
        {
            // Logged once per version of the file: the refusal is cached like a success.
            LogPromptRefused(_logger, name, path, problem.Reason, problem.Message);
        }
        _cache[key] = new CachedPrompt(samples, file.Length, file.LastWriteTimeUtc);
        return samples;
    }

    /// <summary>Forgets every decoded prompt (they are read again at their next use).</summary>
    public void Clear() => _cache.Clear();

    private static string? PathOf(string directory, string name)
    {
        if (string.IsNullOrWhiteSpace(directory) || !IsValidName(name))
        {
            return null;
        }
        string fileName = name.EndsWith(".wav", StringComparison.OrdinalIgnoreCase) ? name : name + ".wav";
        return Path.Combine(directory, fileName);
    }

    private static IAudioSource? BuiltIn(string name) => name switch
    {
        MusicOnHold => HoldMelody.Create(),
        "beep" => Tones.Beep(),
        "dial" => Tones.Dial(),
        "ringback" => Tones.Ringback(),
        "busy" => Tones.Busy(),
        "congestion" => Tones.Congestion(),
        // Refusals: a short message a caller cannot mistake for ringing.
        "blacklisted" or "queue-unavailable" => new ToneSource(Tones.SignallingFrequencyHz, 700, 700, 2800),
        ['d', 'i', 'g', 'i', 't', '-', var digit] when char.IsAsciiDigit(digit) => new PcmAudioSource(DtmfTone.Samples(digit)),
        _ => null,
    };

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Prompt {Name} has no usable file: a beep is played instead")]
    private static partial void LogPromptMissing(ILogger logger, string name);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Prompt {Name} at {Path} was refused ({Reason}): {Problem}")]
    private static partial void LogPromptRefused(ILogger logger, string name, string path, WavRefusal reason, string problem);

    private sealed record CachedPrompt(short[]? Samples, long Length, DateTime WrittenAt);
}
