using System.Buffers.Binary;

namespace CallCenter.Telephony.Voicemail;

/// <summary>
/// Writes a caller's message as a WAV file (8 kHz, 16-bit mono PCM: what browsers and our prompt reader play).
/// The receive loop only copies samples into a buffer sized for the maximum length; a flush task appends them to
/// the file every half second, so a crash loses at most that much, and <see cref="CompleteAsync"/> writes the final
/// sizes into the header.
/// </summary>
public sealed class VoicemailWriter : IAsyncDisposable
{
    /// <summary>Samples per second.</summary>
    public const int SampleRate = 8000;

    private const int HeaderBytes = 44;
    private readonly short[] _buffer;
    private readonly FileStream _file;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _flushing;
    private int _count;
    private int _flushed;
    private int _skip;

    /// <summary>
    /// Creates <paramref name="path"/> (its folder must exist) for at most <paramref name="maxLength"/> of audio, leaving
    /// out the first <paramref name="skip"/> of what is written (the caller's side while it hears the beep).
    /// </summary>
    public VoicemailWriter(string path, TimeSpan maxLength, TimeSpan skip = default)
    {
        _skip = (int)(skip.TotalSeconds * SampleRate);
        _buffer = new short[(int)(maxLength.TotalSeconds * SampleRate)];
        _file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 4096, useAsync: true);
        _file.Write(Header(0));
        _flushing = FlushLoopAsync();
    }

    /// <summary>Audio recorded so far.</summary>
    public TimeSpan Length => TimeSpan.FromSeconds((double)Volatile.Read(ref _count) / SampleRate);

    /// <summary>True once the maximum length is reached.</summary>
    public bool IsFull => Volatile.Read(ref _count) >= _buffer.Length;

    /// <summary>Adds samples (the receive loop; one writer). Past the maximum they are dropped.</summary>
    public void Write(ReadOnlySpan<short> samples)
    {
        if (_skip > 0)
        {
            var skipped = Math.Min(_skip, samples.Length);
            _skip -= skipped;
            samples = samples[skipped..];
        }
        var count = _count;
        var room = Math.Min(samples.Length, _buffer.Length - count);
        if (room > 0)
        {
            samples[..room].CopyTo(_buffer.AsSpan(count));
            Volatile.Write(ref _count, count + room);
        }
    }

    /// <summary>Flushes the rest, writes the header's sizes, closes the file; returns the message's length.</summary>
    public async Task<TimeSpan> CompleteAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _flushing.ConfigureAwait(false);
        await FlushAsync().ConfigureAwait(false);
        _file.Position = 0;
        await _file.WriteAsync(Header(_flushed)).ConfigureAwait(false);
        await _file.DisposeAsync().ConfigureAwait(false);
        return TimeSpan.FromSeconds((double)_flushed / SampleRate);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await CompleteAsync().ConfigureAwait(false);
        }
        _stop.Dispose();
    }

    private async Task FlushLoopAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                await Task.Delay(500, _stop.Token).ConfigureAwait(false);
                await FlushAsync().ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task FlushAsync()
    {
        var count = Volatile.Read(ref _count);
        if (count == _flushed)
        {
            return;
        }
        var bytes = new byte[(count - _flushed) * 2];
        for (var i = _flushed; i < count; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan((i - _flushed) * 2), _buffer[i]);
        }
        await _file.WriteAsync(bytes).ConfigureAwait(false);
        await _file.FlushAsync().ConfigureAwait(false);
        _flushed = count;
    }

    // RIFF/WAVE with one fmt chunk (PCM, mono, 8 kHz, 16 bits) and the data chunk.
    private static byte[] Header(int samples)
    {
        var header = new byte[HeaderBytes];
        var span = header.AsSpan();
        "RIFF"u8.CopyTo(span);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], 36 + (samples * 2));
        "WAVEfmt "u8.CopyTo(span[8..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[16..], 16);
        BinaryPrimitives.WriteInt16LittleEndian(span[20..], 1);
        BinaryPrimitives.WriteInt16LittleEndian(span[22..], 1);
        BinaryPrimitives.WriteInt32LittleEndian(span[24..], SampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(span[28..], SampleRate * 2);
        BinaryPrimitives.WriteInt16LittleEndian(span[32..], 2);
        BinaryPrimitives.WriteInt16LittleEndian(span[34..], 16);
        "data"u8.CopyTo(span[36..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[40..], samples * 2);
        return header;
    }
}
