using System.Buffers.Binary;

using CallCenter.Core.Data;
using CallCenter.Core.Options;
using CallCenter.Core.Services.Recordings;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallCenter.Core.Telephony;

/// <summary>
/// Start-up recovery of voicemail: a message still at 0 seconds was being recorded when the process stopped
/// (completion sets the duration or removes it). The engine writes 8 kHz 16-bit mono PCM WAV and rewrites the header
/// sizes at completion, so a file cut off by a crash says 0 data bytes: its audio is then everything after the header
/// (file length − 44), and the header is completed so players play it. A message whose file is missing or holds no
/// audio is removed, as <see cref="VoicemailStore.CompleteAsync"/> removes an empty one. Run after the call record
/// recovery, before the listeners start.
/// </summary>
public sealed partial class VoicemailRecovery(
    IDbContextFactory<CallCenterDbContext> contextFactory,
    IOptions<CallCenterOptions> options,
    ILogger<VoicemailRecovery> logger)
{
    /// <summary>The canonical header the engine writes: RIFF, fmt (16 bytes), data.</summary>
    public const int CanonicalHeaderLength = 44;

    /// <summary>Bytes per second of 8 kHz 16-bit mono, for a header that does not say.</summary>
    public const int DefaultByteRate = 16_000;

    /// <summary>Measures (or removes) every message left at 0 seconds; returns how many there were.</summary>
    public async Task<int> RecoverAsync(CancellationToken cancellationToken)
    {
        var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var open = await db.Voicemails.Where(v => v.DurationSeconds == 0).ToListAsync(cancellationToken).ConfigureAwait(false);
            var removed = 0;
            foreach (var message in open)
            {
                var path = RecordingPaths.Absolute(options.Value.DataDir, message.FilePath);
                var duration = path is not null && File.Exists(path) ? Measure(path) : 0;
                if (duration > 0)
                {
                    message.DurationSeconds = duration;
                }
                else
                {
                    db.Voicemails.Remove(message);
                    removed++;
                    if (path is not null)
                    {
                        VoicemailStore.DeleteFile(path, logger);
                    }
                }
            }
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            if (open.Count > 0)
            {
                LogRecovered(logger, open.Count - removed, removed);
            }
            return open.Count;
        }
    }

    /// <summary>The audio's length in seconds of the WAV file at <paramref name="path"/> (0 when unreadable), completing a header left at 0 data bytes.</summary>
    internal double Measure(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
            Span<byte> header = stackalloc byte[CanonicalHeaderLength];
            if (stream.Length < CanonicalHeaderLength || stream.ReadAtLeast(header, CanonicalHeaderLength, throwOnEndOfStream: false) < CanonicalHeaderLength
                || !header[..4].SequenceEqual("RIFF"u8) || !header[8..12].SequenceEqual("WAVE"u8))
            {
                return 0;
            }
            var byteRate = header[12..16].SequenceEqual("fmt "u8) ? BinaryPrimitives.ReadInt32LittleEndian(header[28..32]) : 0;
            if (byteRate <= 0)
            {
                byteRate = DefaultByteRate;
            }
            var canonical = header[36..40].SequenceEqual("data"u8);
            var dataBytes = canonical ? BinaryPrimitives.ReadUInt32LittleEndian(header[40..44]) : 0u;
            var available = stream.Length - CanonicalHeaderLength;
            if (dataBytes == 0 || dataBytes > available)
            {
                // The header was never rewritten (or claims more than is there): the audio is what reached the disk,
                // in whole samples.
                dataBytes = (uint)Math.Min(available - (available % 2), uint.MaxValue - CanonicalHeaderLength);
                if (canonical && dataBytes > 0)
                {
                    BinaryPrimitives.WriteUInt32LittleEndian(header[4..8], dataBytes + CanonicalHeaderLength - 8);
                    BinaryPrimitives.WriteUInt32LittleEndian(header[40..44], dataBytes);
                    stream.Position = 0;
                    stream.Write(header);
                }
            }
            return (double)dataBytes / byteRate;
        }
        catch (IOException ex)
        {
            LogUnreadable(logger, path, ex);
            return 0;
        }
    }

    [LoggerMessage(EventId = 3293, Level = LogLevel.Warning, Message = "Voicemail left open by the previous run: {Measured} measured from their files, {Removed} empty or missing removed")]
    private static partial void LogRecovered(ILogger logger, int measured, int removed);

    [LoggerMessage(EventId = 3294, Level = LogLevel.Warning, Message = "The voicemail file {Path} left open could not be read")]
    private static partial void LogUnreadable(ILogger logger, string path, Exception exception);
}
