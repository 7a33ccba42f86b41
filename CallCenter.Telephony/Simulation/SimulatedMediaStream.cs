using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

using CallCenter.Telephony.Audio;
using CallCenter.Telephony.Rtp;
using CallCenter.Telephony.Sdp;

namespace CallCenter.Telephony.Simulation;

/// <summary>
/// The RTP side of a simulated phone: one UDP socket on 127.0.0.1 (its port goes in the SDP), driven by the shared
/// <see cref="SimulatedMediaClock"/>: each tick it reads what arrived (non-blocking, no allocation) and, once started,
/// sends one 20 ms PCMU frame of its tone (or silence), or the next RFC 4733 telephone-event packet of a key press.
/// It counts what it hears by frame: a tone of a multiple of 50 Hz gives the same 160 bytes every frame, so a test
/// can tell its own audio coming back (echo) or another stream's audio (a bridge) without decoding.
/// </summary>
public sealed class SimulatedMediaStream : IDisposable
{
    /// <summary>The telephone-event payload type we offer (RFC 4733; the common choice).</summary>
    public const int DefaultTelephoneEventPayloadType = 101;

    private const int FrameSamples = 160;
    private const int PressTicks = 5;
    private const int GapTicks = 5;
    private const int EndPackets = 3;

    private readonly SimulatedMediaClock _clock;
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly byte[] _frame = new byte[FrameSamples];
    private readonly byte[] _packet = new byte[RtpPacket.FixedHeaderLength + FrameSamples];
    private readonly byte[] _receiveBuffer = new byte[2048];
    private readonly SocketAddress _receiveAddress = new(AddressFamily.InterNetwork);
    private readonly ConcurrentQueue<(char Digit, TaskCompletionSource? Done)> _digits = new();
    private readonly Lock _heardGate = new();
    private readonly Dictionary<ulong, long> _heardByFrame = [];
    private readonly List<char> _digitsReceived = [];
    private readonly uint _ssrc = (uint)Random.Shared.Next();
    private SocketAddress? _remote;
    private int _payloadType;
    private int _telephoneEventPayloadType = DefaultTelephoneEventPayloadType;
    private volatile bool _sending;
    private ushort _sequence = (ushort)Random.Shared.Next();
    private uint _timestamp = (uint)Random.Shared.Next();
    private (char Digit, int Tick, uint Timestamp, TaskCompletionSource? Done)? _press;
    private int _gap;
    private uint _lastEventTimestamp;
    private bool _hasLastEvent;
    private long _packetsSent;
    private long _packetsReceived;
    private int _disposed;

    internal SimulatedMediaStream(SimulatedMediaClock clock, int toneFrequencyHz)
    {
        _clock = clock;
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        LocalEndPoint = (IPEndPoint)_socket.LocalEndPoint!;
        // A whole number of periods in 20 ms (a multiple of 50 Hz) makes every frame the same bytes.
        ToneFrequencyHz = toneFrequencyHz <= 0 ? 0 : Math.Max(50, toneFrequencyHz / 50 * 50);
        if (ToneFrequencyHz == 0)
        {
            _frame.AsSpan().Fill(G711.Silence(AudioCodec.Pcmu));
        }
        else
        {
            var samples = new short[FrameSamples];
            new ToneSource(ToneFrequencyHz, 1000).Read(samples);
            G711.Encode(AudioCodec.Pcmu, samples, _frame);
        }
        FrameFingerprint = Fingerprint(_frame);
        _clock.Attach(this);
    }

    /// <summary>Where the stream receives RTP (127.0.0.1 and an ephemeral port).</summary>
    public IPEndPoint LocalEndPoint { get; }

    /// <summary>The tone it sends (a multiple of 50 Hz), 0 for silence.</summary>
    public int ToneFrequencyHz { get; }

    /// <summary>The fingerprint of the frame it sends, as <see cref="PacketsHeardWithFingerprint"/> counts it.</summary>
    public ulong FrameFingerprint { get; }

    /// <summary>Where it sends, once started.</summary>
    public IPEndPoint? RemoteEndPoint { get; private set; }

    /// <summary>Audio and telephone-event packets sent.</summary>
    public long PacketsSent => Interlocked.Read(ref _packetsSent);

    /// <summary>RTP audio packets received (telephone-events apart).</summary>
    public long PacketsReceived => Interlocked.Read(ref _packetsReceived);

    /// <summary>Audio packets received carrying exactly this stream's own frame: what an echo sends back.</summary>
    public long EchoedPackets => PacketsHeardWithFingerprint(FrameFingerprint);

    /// <summary>The key presses received as RFC 4733 telephone-events, one per press, in order.</summary>
    public string DigitsReceived
    {
        get
        {
            lock (_heardGate)
            {
                return new string([.. _digitsReceived]);
            }
        }
    }

    /// <summary>Audio packets received whose payload was exactly <paramref name="other"/>'s frame (its audio relayed).</summary>
    public long PacketsHeardFrom(SimulatedMediaStream other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return PacketsHeardWithFingerprint(other.FrameFingerprint);
    }

    /// <summary>Audio packets received whose payload had <paramref name="fingerprint"/>.</summary>
    public long PacketsHeardWithFingerprint(ulong fingerprint)
    {
        lock (_heardGate)
        {
            return _heardByFrame.GetValueOrDefault(fingerprint);
        }
    }

    /// <summary>Starts (or redirects) sending to <paramref name="audio"/>'s remote end point with its payload types.</summary>
    public void Start(SdpNegotiatedAudio audio)
    {
        ArgumentNullException.ThrowIfNull(audio);
        Start(audio.RemoteRtp, audio.PayloadType, audio.TelephoneEventPayloadType);
    }

    /// <summary>Starts (or redirects) sending PCMU frames to <paramref name="remote"/>.</summary>
    public void Start(IPEndPoint remote, int payloadType = 0, int? telephoneEventPayloadType = DefaultTelephoneEventPayloadType)
    {
        ArgumentNullException.ThrowIfNull(remote);
        // The frame is PCMU; another payload type would still carry these bytes (the simulator never transcodes).
        _payloadType = payloadType;
        _telephoneEventPayloadType = telephoneEventPayloadType ?? DefaultTelephoneEventPayloadType;
        RemoteEndPoint = remote;
        Volatile.Write(ref _remote, remote.Serialize());
        _sending = true;
    }

    /// <summary>Stops sending; what arrives is still counted until disposed.</summary>
    public void Stop() => _sending = false;

    /// <summary>
    /// Sends <paramref name="digits"/> as RFC 4733 telephone-events in place of audio: each press 100 ms (5 packets,
    /// the first with the marker bit) then 3 end packets, 100 ms of audio between presses. Completes when the last end
    /// packet was sent (or at once when the stream is disposed).
    /// </summary>
    public Task SendDigitsAsync(string digits)
    {
        ArgumentNullException.ThrowIfNull(digits);
        foreach (var digit in digits)
        {
            if (TelephoneEvent.ToEventCode(digit) < 0)
            {
                throw new ArgumentException($"'{digit}' is no DTMF key.", nameof(digits));
            }
        }
        if (digits.Length == 0)
        {
            return Task.CompletedTask;
        }
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        for (var i = 0; i < digits.Length; i++)
        {
            _digits.Enqueue((digits[i], i == digits.Length - 1 ? done : null));
        }
        return done.Task;
    }

    /// <summary>Leaves the clock and closes the socket.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        _sending = false;
        _clock.Detach(this);
        _socket.Dispose();
        while (_digits.TryDequeue(out var pending))
        {
            pending.Done?.TrySetResult();
        }
        _press?.Done?.TrySetResult();
    }

    // On the clock thread only.
    internal void Tick()
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            return;
        }
        try
        {
            Receive();
            if (_sending && Volatile.Read(ref _remote) is { } remote)
            {
                Send(remote);
            }
            _timestamp += FrameSamples;
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Closed under us, or an ICMP port unreachable (the far end went away): the call's SIP side ends it.
        }
    }

    private void Receive()
    {
        while (_socket.Available > 0)
        {
            var length = _socket.ReceiveFrom(_receiveBuffer, SocketFlags.None, _receiveAddress);
            if (!RtpPacket.TryParse(_receiveBuffer.AsSpan(0, length), out var packet))
            {
                continue;
            }
            if (packet.PayloadType == _telephoneEventPayloadType || packet.PayloadType == DefaultTelephoneEventPayloadType)
            {
                if (TelephoneEvent.TryParse(packet.Payload, out var telephoneEvent))
                {
                    OnTelephoneEvent(packet.Timestamp, telephoneEvent);
                }
                continue;
            }
            Interlocked.Increment(ref _packetsReceived);
            var fingerprint = Fingerprint(packet.Payload);
            lock (_heardGate)
            {
                // Bounded: tones and silence give a handful of distinct frames; speech-like audio is not counted by frame.
                if (_heardByFrame.TryGetValue(fingerprint, out var count) || _heardByFrame.Count < 64)
                {
                    _heardByFrame[fingerprint] = count + 1;
                }
            }
        }
    }

    // RFC 4733 §2.5.1: all packets of one event carry its start timestamp; the end packet is sent three times.
    private void OnTelephoneEvent(uint timestamp, TelephoneEvent telephoneEvent)
    {
        if (_hasLastEvent && timestamp == _lastEventTimestamp)
        {
            return;
        }
        _hasLastEvent = true;
        _lastEventTimestamp = timestamp;
        lock (_heardGate)
        {
            _digitsReceived.Add(telephoneEvent.Digit);
        }
    }

    private void Send(SocketAddress remote)
    {
        if (_press is null && _gap == 0 && _digits.TryDequeue(out var next))
        {
            _press = (next.Digit, 0, _timestamp, next.Done);
        }
        if (_press is { } press)
        {
            var tick = press.Tick + 1;
            var end = tick > PressTicks;
            var duration = (ushort)(Math.Min(tick, PressTicks) * FrameSamples);
            RtpPacket.WriteHeader(_packet, tick == 1, _telephoneEventPayloadType, _sequence++, press.Timestamp, _ssrc);
            new TelephoneEvent { Event = (byte)TelephoneEvent.ToEventCode(press.Digit), End = end, Volume = 10, Duration = duration }
                .Write(_packet.AsSpan(RtpPacket.FixedHeaderLength));
            _socket.SendTo(_packet.AsSpan(0, RtpPacket.FixedHeaderLength + TelephoneEvent.Length), SocketFlags.None, remote);
            Interlocked.Increment(ref _packetsSent);
            if (tick >= PressTicks + EndPackets)
            {
                _press = null;
                _gap = GapTicks;
                press.Done?.TrySetResult();
            }
            else
            {
                _press = press with { Tick = tick };
            }
            return;
        }
        if (_gap > 0)
        {
            _gap--;
        }
        RtpPacket.WriteHeader(_packet, false, _payloadType, _sequence++, _timestamp, _ssrc);
        _frame.CopyTo(_packet.AsSpan(RtpPacket.FixedHeaderLength));
        _socket.SendTo(_packet, SocketFlags.None, remote);
        Interlocked.Increment(ref _packetsSent);
    }

    private static ulong Fingerprint(ReadOnlySpan<byte> payload)
    {
        if (payload.Length < 16)
        {
            return (ulong)payload.Length;
        }
        var middle = payload.Length / 2;
        return BinaryPrimitives.ReadUInt64LittleEndian(payload) ^ System.Numerics.BitOperations.RotateLeft(BinaryPrimitives.ReadUInt64LittleEndian(payload[middle..]), 17)
            ^ (ulong)payload.Length << 56;
    }
}
