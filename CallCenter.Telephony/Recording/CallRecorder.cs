using System.Buffers;
using System.Threading.Channels;

using CallCenter.Telephony.Media;
using CallCenter.Telephony.Rtp;
using CallCenter.Telephony.Sdp;

using Microsoft.Extensions.Logging;

namespace CallCenter.Telephony.Recording;

/// <summary>
/// Records a bridged call as a two-channel Ogg Opus file: left the customer (leg A), right the agent (leg B).
/// Set it as the bridge's <see cref="MediaBridge.Tap"/>: <see cref="OnAudio"/> copies the payload into a
/// bounded hand-off and returns (full: the packet is dropped and counted in <see cref="DroppedPackets"/>);
/// a writer task places both legs on one timeline (see <see cref="RecordingLeg"/>), encodes 20 ms frames
/// that are <see cref="RecordingOptions.PlayoutDelayMilliseconds"/> old and appends them to the file, a
/// page at least every half second. <see cref="Pause"/> and <see cref="Resume"/> are the on-demand stop and
/// start: paused time is kept as silence, so a moment of the call is the same moment in the recording.
/// <see cref="CompleteAsync"/> (or disposing) writes the rest and closes the file.
/// </summary>
public sealed partial class CallRecorder : IMediaTap, IAsyncDisposable
{
    /// <summary>How often the writer wakes.</summary>
    public static readonly TimeSpan WriterPeriod = TimeSpan.FromMilliseconds(100);

    private const int FrameSamples = OggOpusWriter.FrameSamples;
    private const int MaxPayload = 1_600; // 200 ms of G.711: more is no voice packet
    private const int Recording = 0;
    private const int Paused = 1;
    private const int Completing = 2;

    private readonly Channel<RecordedPacket> _queue;
    private readonly RecordingLeg _legA;
    private readonly RecordingLeg _legB;
    private readonly AudioCodec _codecA;
    private readonly AudioCodec _codecB;
    private readonly FileStream _file;
    private readonly OggOpusWriter _ogg;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly long _start;
    private readonly long _delaySamples;
    private readonly PeriodicTimer _timer;
    private readonly short[] _frame = new short[FrameSamples * OggOpusWriter.Channels];
    private readonly Lock _gate = new();
    private readonly Task _writer;
    private Task<RecordingResult>? _completion;
    private long _emitted;
    private long _dropped;
    private int _state;
    private bool _failed;

    /// <summary>Creates <paramref name="filePath"/> (it must not exist), writes the Ogg Opus headers and starts the writer.</summary>
    /// <param name="filePath">The file; its folder must exist.</param>
    /// <param name="codecA">The codec of leg A (the customer).</param>
    /// <param name="codecB">The codec of leg B (the agent).</param>
    /// <param name="options">Bitrate, hand-off capacity, playout delay.</param>
    /// <param name="timeProvider">The clock of arrival times and of the writer.</param>
    /// <param name="logger">Where failures go.</param>
    public CallRecorder(string filePath, AudioCodec codecA, AudioCodec codecB, RecordingOptions options, TimeProvider timeProvider, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        FilePath = filePath;
        _codecA = codecA;
        _codecB = codecB;
        _legA = new RecordingLeg(codecA);
        _legB = new RecordingLeg(codecB);
        _time = timeProvider;
        _logger = logger;
        _delaySamples = options.PlayoutDelayMilliseconds * (OggOpusWriter.SampleRate / 1000);
        _queue = Channel.CreateBounded<RecordedPacket>(new BoundedChannelOptions(options.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait, // TryWrite then fails when full, which is how drops are seen
            SingleReader = true,
        });
        // FileShare.Read: the recording can be played (and copied) while it is being written.
        _file = new FileStream(filePath, new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.Read,
            BufferSize = 8192,
        });
        try
        {
            _ogg = new OggOpusWriter(_file, options.Bitrate);
        }
        catch
        {
            _file.Dispose();
            throw;
        }
        _start = timeProvider.GetTimestamp();
        _timer = new PeriodicTimer(WriterPeriod, timeProvider);
        // On the writers' low-priority threads: RunAsync's awaits resume there too (no ConfigureAwait(false) in it).
        _writer = Task.Factory.StartNew(RunAsync, CancellationToken.None, TaskCreationOptions.DenyChildAttach, RecordingWriterScheduler.Shared).Unwrap();
    }

    /// <summary>The file being written.</summary>
    public string FilePath { get; }

    /// <summary>The catalogue id, when started by <see cref="RecordingService"/>; empty otherwise.</summary>
    public Guid RecordingId { get; internal init; }

    /// <summary>Packets dropped because the hand-off to the writer was full.</summary>
    public long DroppedPackets => Interlocked.Read(ref _dropped);

    /// <summary>Whether recording is paused (on-demand stop).</summary>
    public bool IsPaused => Volatile.Read(ref _state) == Paused;

    /// <summary>Told the result once the file is closed (the catalogue).</summary>
    internal Func<RecordingResult, CancellationToken, Task>? Completed { get; init; }

    /// <inheritdoc />
    public void OnAudio(MediaLeg from, in RtpPacket packet)
    {
        if (Volatile.Read(ref _state) != Recording)
        {
            return;
        }
        var payload = packet.Payload;
        // Only the leg's G.711 is audio to decode: comfort noise (RFC 3389) and the like are left out.
        var codec = from == MediaLeg.A ? _codecA : _codecB;
        if (packet.PayloadType != (int)codec || payload.IsEmpty || payload.Length > MaxPayload)
        {
            return;
        }
        var buffer = ArrayPool<byte>.Shared.Rent(payload.Length);
        payload.CopyTo(buffer);
        var item = new RecordedPacket(from, packet.Ssrc, packet.Timestamp, _time.GetTimestamp(), buffer, payload.Length);
        if (!_queue.Writer.TryWrite(item))
        {
            ArrayPool<byte>.Shared.Return(buffer);
            if (Volatile.Read(ref _state) == Recording)
            {
                Interlocked.Increment(ref _dropped);
            }
        }
    }

    /// <summary>Stops taking audio (on-demand stop); the timeline runs on as silence. No effect once completing.</summary>
    public void Pause() => Interlocked.CompareExchange(ref _state, Paused, Recording);

    /// <summary>Takes audio again after <see cref="Pause"/>.</summary>
    public void Resume() => Interlocked.CompareExchange(ref _state, Recording, Paused);

    /// <summary>
    /// Stops taking audio, writes what is queued up to now, ends the Ogg stream and closes the file, then tells
    /// the catalogue (when started by <see cref="RecordingService"/>). Safe to call more than once.
    /// </summary>
    public Task<RecordingResult> CompleteAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return _completion ??= CompleteCoreAsync(cancellationToken);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await CompleteAsync(CancellationToken.None).ConfigureAwait(false);

    private async Task<RecordingResult> CompleteCoreAsync(CancellationToken cancellationToken)
    {
        Volatile.Write(ref _state, Completing);
        _queue.Writer.TryComplete();
        _timer.Dispose();
        await _writer.ConfigureAwait(false);
        var result = new RecordingResult(_ogg.Duration, _ogg.BytesWritten, DroppedPackets, _legA.LatePackets + _legB.LatePackets);
        if (Completed is { } completed)
        {
            try
            {
                await completed(result, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogCatalogueFailed(_logger, FilePath, ex);
            }
        }
        return result;
    }
}
