using System.Buffers;

using CallCenter.Telephony.Media;

using Microsoft.Extensions.Logging;

namespace CallCenter.Telephony.Recording;

/// <summary>The recorder's writer task: timeline, encoding and the file.</summary>
public sealed partial class CallRecorder
{
    private async Task RunAsync()
    {
        try
        {
            // Deliberately without ConfigureAwait(false): each tick must resume on the recording writer threads
            // (TaskScheduler.Current, see RecordingWriterScheduler), never on the thread pool the media path shares.
            while (await _timer.WaitForNextTickAsync())
            {
                Pump(final: false);
            }
        }
        catch (Exception ex)
        {
            Fail(ex);
        }
        try
        {
            Pump(final: true);
        }
        catch (Exception ex)
        {
            Fail(ex);
        }
        finally
        {
            _file.Dispose();
        }
    }

    private void Pump(bool final)
    {
        // Now before draining: every packet that arrived by then is already queued, so none of them can
        // find its frame encoded by this round.
        var now = Position(_time.GetTimestamp());
        while (_queue.Reader.TryRead(out var packet))
        {
            try
            {
                Place(packet);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(packet.Buffer);
            }
        }
        if (!final)
        {
            while (_emitted + FrameSamples <= now - _delaySamples)
            {
                EmitFrame();
            }
            return;
        }
        // The end: everything placed, and the silence up to now (the call lasted that long).
        var end = Math.Max(Math.Max(_legA.WrittenEnd, _legB.WrittenEnd), now);
        while (_emitted < end)
        {
            EmitFrame();
        }
        if (!_failed)
        {
            _ogg.Complete();
        }
    }

    private void Place(in RecordedPacket packet)
    {
        var leg = packet.Leg == MediaLeg.A ? _legA : _legB;
        var arrival = Position(packet.ArrivalTimestamp);
        var position = leg.Locate(packet.Ssrc, packet.Timestamp, arrival);
        if (position + packet.Length <= _emitted && arrival + packet.Length > _emitted)
        {
            // Late by its timestamp, yet here in time: the sender's clock fell behind ours (it stalled and went on
            // without skipping timestamps, or runs slow) by more than the playout delay. Without a new anchor every
            // packet from here on would be late, the leg silent until the lag passed the resync limit.
            position = leg.Reanchor(packet.Ssrc, packet.Timestamp, arrival);
        }
        // The ring holds two seconds ahead of the writer; a packet further ahead pushes the writer on
        // (only when the writer fell behind the clock, never in steady state).
        while (position + packet.Length - _emitted > RecordingLeg.RingSamples)
        {
            EmitFrame();
        }
        leg.Write(position, packet.Buffer.AsSpan(0, packet.Length), _emitted);
    }

    private void EmitFrame()
    {
        _legA.Take(_emitted, _frame, 0);
        _legB.Take(_emitted, _frame, 1);
        _emitted += FrameSamples;
        if (_failed)
        {
            return;
        }
        try
        {
            _ogg.WriteFrame(_frame);
        }
        catch (IOException ex)
        {
            Fail(ex);
        }
    }

    private void Fail(Exception exception)
    {
        if (!_failed)
        {
            _failed = true;
            LogWriteFailed(_logger, FilePath, exception);
        }
    }

    // 8 kHz samples since the recorder started.
    private long Position(long timestamp) =>
        _time.GetElapsedTime(_start, timestamp).Ticks * OggOpusWriter.SampleRate / TimeSpan.TicksPerSecond;

    [LoggerMessage(EventId = 3401, Level = LogLevel.Error, Message = "Writing the recording {Path} failed; the rest of the call is not recorded")]
    private static partial void LogWriteFailed(ILogger logger, string path, Exception exception);

    [LoggerMessage(EventId = 3402, Level = LogLevel.Error, Message = "Reporting the completed recording {Path} to the catalogue failed")]
    private static partial void LogCatalogueFailed(ILogger logger, string path, Exception exception);
}
