using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

using CallCenter.Telephony.Audio;
using CallCenter.Telephony.Rtp;
using CallCenter.Telephony.Sdp;

namespace CallCenter.Tests.Support;

/// <summary>
/// The media side of a test phone whose SIP side is sipp: one UDP socket on 127.0.0.1 (its port goes in the
/// phone's SDP) that sends a steady G.711 tone every 20 ms once told where to, and keeps what it receives,
/// decoded, so a test can ask what the phone heard (tone powers by Goertzel) from a mark on. RFC 4733
/// telephone-events (payload type <see cref="TelephoneEventPayloadType"/>, as the party scenarios' SDP says) are
/// kept apart, one <see cref="Press"/> per key press.
/// </summary>
internal sealed class ToneParty : IAsyncDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationTokenSource _sendStop = new();
    private readonly List<short> _heard = [];
    private readonly List<Press> _presses = [];
    private readonly object _gate = new();
    private readonly double _frequency;
    private readonly AudioCodec _codec;
    private readonly uint _ssrc = (uint)Random.Shared.Next();
    private IPEndPoint? _remote;
    private Task? _sending;
    private readonly Task _receiving;
    private long _packetsReceived;
    private DigitBurst? _digits;

    public ToneParty(double frequency, AudioCodec codec = AudioCodec.Pcma)
    {
        _frequency = frequency;
        _codec = codec;
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _receiving = Task.Run(ReceiveAsync);
    }

    /// <summary>The telephone-event payload type of the party scenarios' SDP (a=rtpmap:101 telephone-event/8000).</summary>
    public const int TelephoneEventPayloadType = 101;

    /// <summary>The port for the phone's SDP.</summary>
    public int Port => ((IPEndPoint)_socket.LocalEndPoint!).Port;

    /// <summary>RTP audio packets received so far.</summary>
    public long PacketsReceived => Interlocked.Read(ref _packetsReceived);

    /// <summary>Starts sending the tone to <paramref name="remote"/> (the server's port for this leg).</summary>
    public void SendTo(IPEndPoint remote)
    {
        _remote = remote;
        _sending ??= Task.Run(SendAsync);
    }

    /// <summary>Stops sending (the phone's call ended); what arrives is still kept.</summary>
    public void StopSending()
    {
        try
        {
            _sendStop.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Disposed already: nothing is sent any more.
        }
    }

    /// <summary>A position in what was heard: pass it to <see cref="HeardSince"/> to look only at what came after.</summary>
    public int Mark()
    {
        lock (_gate)
        {
            return _heard.Count;
        }
    }

    /// <summary>The decoded samples heard since <paramref name="mark"/>.</summary>
    public short[] HeardSince(int mark)
    {
        lock (_gate)
        {
            return [.. _heard.Skip(mark)];
        }
    }

    /// <summary>Waits until at least <paramref name="samples"/> samples arrived after <paramref name="mark"/>; false at the deadline.</summary>
    public async Task<bool> WaitHeardAsync(int mark, int samples, TimeSpan deadline)
    {
        var until = Stopwatch.GetTimestamp() + (long)(deadline.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < until)
        {
            if (Mark() - mark >= samples)
            {
                return true;
            }
            await Task.Delay(20);
        }
        return false;
    }

    /// <summary>The key presses received as RFC 4733 telephone-events so far, in order.</summary>
    public IReadOnlyList<Press> Presses
    {
        get
        {
            lock (_gate)
            {
                return [.. _presses];
            }
        }
    }

    /// <summary>Waits until <paramref name="count"/> presses arrived, each with its end packet; false at the deadline.</summary>
    public async Task<bool> WaitPressesEndedAsync(int count, TimeSpan deadline)
    {
        var until = Stopwatch.GetTimestamp() + (long)(deadline.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < until)
        {
            var presses = Presses;
            if (presses.Count >= count && presses.All(p => p.Ended))
            {
                return true;
            }
            await Task.Delay(20);
        }
        return false;
    }

    /// <summary>The power of <paramref name="frequency"/> relative to all the signal heard since <paramref name="mark"/> (0..1).</summary>
    public double Share(double frequency, int mark)
    {
        var heard = HeardSince(mark);
        var total = AudioAnalysis.TotalPower(heard);
        // A pure sine of amplitude A has total power A²/2 and Goertzel power (normalised) A²/4.
        return total <= 0 ? 0 : 2 * AudioAnalysis.Power(heard, frequency) / total;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket.Dispose();
        try
        {
            await Task.WhenAll(_receiving, _sending ?? Task.CompletedTask);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Closed.
        }
        _stop.Dispose();
        _sendStop.Dispose();
    }

    /// <summary>
    /// Sends <paramref name="digits"/> as DTMF tones in the audio (100 ms each, 100 ms apart, about -10 dBm0 per
    /// frequency) in place of the party's tone, then goes back to the tone; completes when they were sent.
    /// </summary>
    public Task SendInbandDigitsAsync(string digits)
    {
        var samples = new List<short>();
        foreach (var digit in digits)
        {
            var (low, high) = DtmfFrequencies(digit);
            var on = AudioAnalysis.Sine(low, 800, amplitude: 7000).Zip(AudioAnalysis.Sine(high, 800, amplitude: 7000), (a, b) => (short)(a + b));
            samples.AddRange(on);
            samples.AddRange(new short[800]);
        }
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _digits, new DigitBurst(samples.ToArray(), done));
        return done.Task;
    }

    private sealed record DigitBurst(short[] Samples, TaskCompletionSource Sent);

    private static (double Low, double High) DtmfFrequencies(char digit)
    {
        const string keys = "123A456B789C*0#D";
        var index = keys.IndexOf(char.ToUpperInvariant(digit), StringComparison.Ordinal);
        double[] rows = [697, 770, 852, 941];
        double[] columns = [1209, 1336, 1477, 1633];
        return (rows[index / 4], columns[index % 4]);
    }

    private async Task SendAsync()
    {
        var packet = new byte[RtpPacket.FixedHeaderLength + 160];
        var tone = new ToneSource((int)_frequency, 1000);
        var frame = new short[160];
        var digitPosition = 0;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        ushort sequence = 1;
        uint timestamp = 0;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token, _sendStop.Token);
        while (await timer.WaitForNextTickAsync(stop.Token))
        {
            if (Volatile.Read(ref _digits) is (var digitSamples, var sent))
            {
                digitSamples.AsSpan(digitPosition, 160).CopyTo(frame);
                digitPosition += 160;
                if (digitPosition >= digitSamples.Length)
                {
                    digitPosition = 0;
                    Volatile.Write(ref _digits, null);
                    sent.TrySetResult();
                }
            }
            else
            {
                tone.Read(frame);
            }
            RtpPacket.WriteHeader(packet, false, (int)_codec, sequence++, timestamp, _ssrc);
            G711.Encode(_codec, frame, packet.AsSpan(RtpPacket.FixedHeaderLength));
            timestamp += 160;
            await _socket.SendToAsync(packet, _remote!, stop.Token);
        }
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[2048];
        var samples = new short[1024];
        while (!_stop.IsCancellationRequested)
        {
            var result = await _socket.ReceiveFromAsync(buffer, new IPEndPoint(IPAddress.Any, 0), _stop.Token);
            if (!RtpPacket.TryParse(buffer.AsSpan(0, result.ReceivedBytes), out var packet))
            {
                continue;
            }
            if (packet.PayloadType == TelephoneEventPayloadType)
            {
                if (TelephoneEvent.TryParse(packet.Payload, out var telephoneEvent))
                {
                    OnTelephoneEvent(packet.Timestamp, telephoneEvent);
                }
                continue;
            }
            if (packet.PayloadType is not (0 or 8) || packet.Payload.Length > samples.Length)
            {
                continue;
            }
            var length = packet.Payload.Length;
            G711.Decode((AudioCodec)packet.PayloadType, packet.Payload, samples);
            Interlocked.Increment(ref _packetsReceived);
            lock (_gate)
            {
                _heard.AddRange(samples.AsSpan(0, length));
            }
        }
    }

    // RFC 4733 §2.5.1: every packet of one event carries the event's start timestamp (its duration grows, the last
    // ones have the E bit and are sent three times): a new timestamp is a new press.
    private void OnTelephoneEvent(uint timestamp, TelephoneEvent telephoneEvent)
    {
        var audio = PacketsReceived;
        lock (_gate)
        {
            if (_presses.Count > 0 && _presses[^1].Timestamp == timestamp)
            {
                var last = _presses[^1];
                _presses[^1] = last with { Ended = last.Ended || telephoneEvent.End, AudioPacketsAtEnd = audio };
            }
            else
            {
                _presses.Add(new Press(telephoneEvent.Digit, timestamp, telephoneEvent.End, audio, audio));
            }
        }
    }

    /// <summary>One key press received as telephone-events.</summary>
    /// <param name="Digit">The key (0-9, *, #, A-D).</param>
    /// <param name="Timestamp">The event's RTP timestamp (the same in all its packets).</param>
    /// <param name="Ended">True once a packet with the E bit arrived.</param>
    /// <param name="AudioPacketsAtStart">Audio packets received before the event's first packet.</param>
    /// <param name="AudioPacketsAtEnd">Audio packets received before the event's last packet.</param>
    public sealed record Press(char Digit, uint Timestamp, bool Ended, long AudioPacketsAtStart, long AudioPacketsAtEnd);
}
