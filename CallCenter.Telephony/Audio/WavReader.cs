using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;

using CallCenter.Telephony.Sdp;

namespace CallCenter.Telephony.Audio;

/// <summary>
/// Reads a RIFF/WAVE prompt into 8 kHz 16-bit samples. Accepted: mono, 8 or 16 kHz, 16-bit PCM
/// (WAVE_FORMAT_PCM, 1) or G.711 (WAVE_FORMAT_ALAW 6, WAVE_FORMAT_MULAW 7), also inside
/// WAVE_FORMAT_EXTENSIBLE; 16 kHz is low-pass filtered and decimated (<see cref="HalfRateDecimator"/>).
/// Everything else is refused with a <see cref="WavProblem"/> saying what was found and what is accepted.
/// Chunks are walked by their sizes (RIFF: id, little-endian size, body padded to an even length), so
/// LIST/fact/cue chunks in any order are skipped.
/// </summary>
public static class WavReader
{
    /// <summary>The default size limit: 32 MiB (over half an hour of 8 kHz G.711).</summary>
    public const long DefaultMaxBytes = 32L * 1024 * 1024;

    private const ushort FormatPcm = 1;
    private const ushort FormatAlaw = 6;
    private const ushort FormatMulaw = 7;
    private const ushort FormatExtensible = 0xFFFE;

    /// <summary>Reads a whole WAV file already in memory.</summary>
    /// <param name="file">The file's bytes.</param>
    /// <param name="samples">The audio at 8 kHz when true.</param>
    /// <param name="problem">Why the file was refused when false.</param>
    /// <param name="maxBytes">Files (and data chunks) bigger than this are refused.</param>
    public static bool TryRead(ReadOnlySpan<byte> file, [NotNullWhen(true)] out short[]? samples, [NotNullWhen(false)] out WavProblem? problem, long maxBytes = DefaultMaxBytes)
    {
        samples = null;
        if (file.Length > maxBytes)
        {
            problem = WavProblem.TooLarge(file.Length, maxBytes);
            return false;
        }
        if (file.Length < 12)
        {
            problem = new(WavRefusal.Truncated, $"The file is {file.Length} bytes, too short for a RIFF/WAVE header (12 bytes): {WavProblem.Accepted}.");
            return false;
        }
        if (!file[..4].SequenceEqual("RIFF"u8) || !file.Slice(8, 4).SequenceEqual("WAVE"u8))
        {
            problem = new(WavRefusal.NotWave, $"This is not a WAV file (it starts with \"{Printable(file[..4])}\", a WAV file with \"RIFF\" and \"WAVE\"): {WavProblem.Accepted}.");
            return false;
        }
        if (!TryFindChunks(file, out ReadOnlySpan<byte> format, out ReadOnlySpan<byte> data, out problem)
            || !TryReadFormat(format, out ushort encoding, out int rate, out problem))
        {
            return false;
        }
        if (data.Length > maxBytes)
        {
            problem = WavProblem.TooLarge(data.Length, maxBytes);
            return false;
        }
        samples = Decode(encoding, rate, data);
        return true;
    }

    private static bool TryFindChunks(ReadOnlySpan<byte> file, out ReadOnlySpan<byte> format, out ReadOnlySpan<byte> data, [NotNullWhen(false)] out WavProblem? problem)
    {
        format = default;
        data = default;
        bool haveFormat = false;
        bool haveData = false;
        int position = 12;
        while (position + 8 <= file.Length && !(haveFormat && haveData))
        {
            ReadOnlySpan<byte> id = file.Slice(position, 4);
            uint size = BinaryPrimitives.ReadUInt32LittleEndian(file.Slice(position + 4, 4));
            int body = position + 8;
            if (size > (uint)(file.Length - body))
            {
                problem = new(WavRefusal.Truncated, $"The \"{Printable(id)}\" chunk says {size} bytes but only {file.Length - body} follow: the file is cut short or damaged.");
                return false;
            }
            if (id.SequenceEqual("fmt "u8))
            {
                format = file.Slice(body, (int)size);
                haveFormat = true;
            }
            else if (id.SequenceEqual("data"u8))
            {
                data = file.Slice(body, (int)size);
                haveData = true;
            }
            // RIFF pads every chunk body to an even length.
            position = body + (int)size + (int)(size & 1);
        }
        if (!haveFormat)
        {
            problem = new(WavRefusal.NoFormat, $"The file has no \"fmt \" chunk saying how its audio is encoded: {WavProblem.Accepted}.");
            return false;
        }
        if (!haveData || data.IsEmpty)
        {
            problem = new(WavRefusal.NoAudio, $"The file has {(haveData ? "an empty" : "no")} \"data\" chunk: there is no audio to play.");
            return false;
        }
        problem = null;
        return true;
    }

    private static bool TryReadFormat(ReadOnlySpan<byte> format, out ushort encoding, out int rate, [NotNullWhen(false)] out WavProblem? problem)
    {
        encoding = 0;
        rate = 0;
        if (format.Length < 16)
        {
            problem = new(WavRefusal.Corrupt, $"The \"fmt \" chunk is {format.Length} bytes, shorter than the 16 it must have: the header is damaged.");
            return false;
        }
        encoding = BinaryPrimitives.ReadUInt16LittleEndian(format);
        int channels = BinaryPrimitives.ReadUInt16LittleEndian(format[2..]);
        rate = BinaryPrimitives.ReadInt32LittleEndian(format[4..]);
        int blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(format[12..]);
        int bits = BinaryPrimitives.ReadUInt16LittleEndian(format[14..]);
        // WAVE_FORMAT_EXTENSIBLE: the real format tag is the first two bytes of the sub-format GUID at offset 24.
        if (encoding == FormatExtensible && format.Length >= 40)
        {
            encoding = BinaryPrimitives.ReadUInt16LittleEndian(format[24..]);
        }
        if (encoding is not (FormatPcm or FormatAlaw or FormatMulaw))
        {
            problem = new(WavRefusal.UnsupportedEncoding, $"{EncodingName(encoding)} is not supported: {WavProblem.Accepted}.");
            return false;
        }
        if (channels != 1)
        {
            string found = channels == 2 ? "Stereo (2 channels)" : $"{channels} channels";
            problem = new(WavRefusal.NotMono, $"{found} is not supported: {WavProblem.Accepted}.");
            return false;
        }
        if (rate is not (8000 or 16000))
        {
            problem = new(WavRefusal.UnsupportedSampleRate, $"{rate} Hz is not supported: {WavProblem.Accepted}.");
            return false;
        }
        int expectedBits = encoding == FormatPcm ? 16 : 8;
        if (bits != expectedBits)
        {
            problem = new(WavRefusal.UnsupportedBitsPerSample, $"{bits}-bit {(encoding == FormatPcm ? "PCM" : "G.711")} is not supported: {WavProblem.Accepted}.");
            return false;
        }
        if (blockAlign != bits / 8)
        {
            problem = new(WavRefusal.Corrupt, $"The header says {blockAlign} bytes per sample for {bits}-bit mono audio, which should be {bits / 8}: the header is damaged.");
            return false;
        }
        problem = null;
        return true;
    }

    private static short[] Decode(ushort encoding, int rate, ReadOnlySpan<byte> data)
    {
        // A trailing odd byte of 16-bit audio is half a sample: dropped.
        int count = encoding == FormatPcm ? data.Length / 2 : data.Length;
        var decoded = new short[count];
        if (encoding == FormatPcm)
        {
            for (int i = 0; i < count; i++)
            {
                decoded[i] = BinaryPrimitives.ReadInt16LittleEndian(data[(2 * i)..]);
            }
        }
        else
        {
            G711.Decode(encoding == FormatAlaw ? AudioCodec.Pcma : AudioCodec.Pcmu, data, decoded);
        }
        return rate == 16000 ? HalfRateDecimator.Decimate(decoded) : decoded;
    }

    private static string EncodingName(ushort tag) => tag switch
    {
        2 => "Microsoft ADPCM (format 2)",
        3 => "32-bit float (format 3)",
        0x11 => "IMA ADPCM (format 0x11)",
        0x31 => "GSM 6.10 (format 0x31)",
        0x55 => "MP3 (format 0x55)",
        0xFFFE => "An extensible format without a sub-format",
        _ => $"Audio format 0x{tag:X4}",
    };

    private static string Printable(ReadOnlySpan<byte> id)
    {
        Span<char> chars = stackalloc char[id.Length];
        for (int i = 0; i < id.Length; i++)
        {
            chars[i] = id[i] is >= 0x20 and < 0x7F ? (char)id[i] : '?';
        }
        return new string(chars);
    }
}
