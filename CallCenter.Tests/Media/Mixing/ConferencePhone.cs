using System.Net;
using System.Net.Sockets;

using CallCenter.Telephony.Audio;
using CallCenter.Telephony.Media;
using CallCenter.Telephony.Rtp;
using CallCenter.Telephony.Sdp;
using CallCenter.Tests.Support;

namespace CallCenter.Tests.Media.Mixing;

/// <summary>
/// A phone on a call leg: a <see cref="TestPhone"/> socket talking to a real <see cref="RtpEndpoint"/>,
/// sending a G.711 sine of its own frequency and recording everything it receives on a thread of its own.
/// </summary>
internal sealed class ConferencePhone : IDisposable
{
    private readonly TestPhone _phone = new();
    private readonly List<ReceivedFrame> _received = [];
    private readonly Thread _receiver;
    private readonly byte[] _packet = new byte[12 + 160];
    private readonly uint _ssrc = (uint)Random.Shared.NextInt64(1, uint.MaxValue);
    private ushort _sequence = (ushort)Random.Shared.Next(0, 65536);
    private uint _timestamp = (uint)Random.Shared.NextInt64(0, uint.MaxValue);
    private long _offset;
    private volatile bool _stopped;

    public ConferencePhone(MediaFactory factory, AudioCodec codec, double frequency)
    {
        Endpoint = factory.CreateEndpoint();
        Endpoint.SetRemote(_phone.Local);
        Codec = codec;
        Frequency = frequency;
        _receiver = new Thread(ReceiveLoop) { IsBackground = true, Name = $"Phone {frequency} Hz" };
        _receiver.Start();
    }

    public RtpEndpoint Endpoint { get; }

    public AudioCodec Codec { get; }

    public double Frequency { get; }

    public int ReceivedCount
    {
        get
        {
            lock (_received)
            {
                return _received.Count;
            }
        }
    }

    public List<ReceivedFrame> Received(int from = 0, int to = int.MaxValue)
    {
        lock (_received)
        {
            to = Math.Min(to, _received.Count);
            return _received.GetRange(from, to - from);
        }
    }

    /// <summary>Sends the next 20 ms of the phone's tone.</summary>
    public void SendTone()
    {
        short[] samples = AudioAnalysis.Sine(Frequency, 160, offset: _offset);
        RtpPacket.WriteHeader(_packet, false, (int)Codec, _sequence++, _timestamp, _ssrc);
        G711.Encode(Codec, samples, _packet.AsSpan(12));
        _timestamp += 160;
        _offset += 160;
        _phone.Send(_packet, Endpoint.LocalRtp);
    }

    /// <summary>Sends any datagram to the leg's endpoint.</summary>
    public void Send(byte[] datagram) => _phone.Send(datagram, Endpoint.LocalRtp);

    /// <summary>Waits (generously) until at least <paramref name="count"/> packets have arrived.</summary>
    public async Task<bool> WaitForCountAsync(int count, int timeoutMs = 5000)
    {
        DateTime deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (ReceivedCount < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }
            await Task.Delay(10);
        }
        return true;
    }

    public void Dispose()
    {
        _stopped = true;
        _phone.Dispose();
        _receiver.Join(TimeSpan.FromSeconds(5));
        Endpoint.Dispose();
    }

    private void ReceiveLoop()
    {
        byte[] buffer = new byte[2048];
        var from = new SocketAddress(AddressFamily.InterNetwork);
        while (!_stopped)
        {
            int length;
            try
            {
                length = _phone.Receive(buffer, from);
            }
            catch (SocketException ex) when (ex.SocketErrorCode == SocketError.TimedOut && !_stopped)
            {
                continue;
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                return;
            }
            if (!RtpPacket.TryParse(buffer.AsSpan(0, length), out RtpPacket p))
            {
                continue;
            }
            var samples = new short[p.Payload.Length];
            if (p.PayloadType is 0 or 8)
            {
                G711.Decode((AudioCodec)p.PayloadType, p.Payload, samples);
            }
            lock (_received)
            {
                _received.Add(new ReceivedFrame(p.Ssrc, p.SequenceNumber, p.Timestamp, p.PayloadType, p.Marker, samples));
            }
        }
    }
}
