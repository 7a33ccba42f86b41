using System.Buffers.Binary;

using CallCenter.Telephony.Audio;
using CallCenter.Telephony.Media;
using CallCenter.Telephony.Recording;
using CallCenter.Telephony.Rtp;
using CallCenter.Telephony.Sdp;
using CallCenter.Tests.Support;

using Concentus;

namespace CallCenter.Tests.Recordings;

/// <summary>Feeds a recorder G.711 RTP as a bridge would, and decodes what it wrote (Concentus + our Ogg reader).</summary>
internal static class RecordingAudio
{
    public const int Rate = 8000;
    public const int PacketSamples = 160;

    /// <summary>One RTP datagram carrying 20 ms of <paramref name="frequency"/> Hz starting at timeline sample <paramref name="offset"/>.</summary>
    public static byte[] Packet(AudioCodec codec, uint ssrc, ushort sequence, uint timestamp, double frequency, long offset)
    {
        var samples = AudioAnalysis.Sine(frequency, PacketSamples, Rate, amplitude: 8000, offset: offset);
        var datagram = new byte[RtpPacket.FixedHeaderLength + PacketSamples];
        datagram[0] = 0x80;
        datagram[1] = (byte)codec;
        BinaryPrimitives.WriteUInt16BigEndian(datagram.AsSpan(2), sequence);
        BinaryPrimitives.WriteUInt32BigEndian(datagram.AsSpan(4), timestamp);
        BinaryPrimitives.WriteUInt32BigEndian(datagram.AsSpan(8), ssrc);
        G711.Encode(codec, samples, datagram.AsSpan(RtpPacket.FixedHeaderLength));
        return datagram;
    }

    public static void Feed(IMediaTap tap, MediaLeg leg, byte[] datagram)
    {
        Assert.True(RtpPacket.TryParse(datagram, out var packet));
        tap.OnAudio(leg, packet);
    }

    /// <summary>Decodes an Ogg Opus file to 8 kHz left and right channels, pre-skip and end trimming applied.</summary>
    public static (short[] Left, short[] Right, OggOpusFile File) Decode(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        var file = OggOpusFile.Read(stream, withPackets: true);
        Assert.True(file.IsOpus);
        Assert.Equal(2, file.Channels);
        // The recorder writes two mono streams (mapping family 1, none coupled): left and right.
        var decoder = OpusCodecFactory.CreateMultiStreamDecoder(Rate, 2, 2, 0, [0, 1], null);
        var pcm = new List<short>();
        var buffer = new short[960 * 2];
        foreach (var packet in file.AudioPackets)
        {
            var count = decoder.DecodeMultistream(packet, buffer, 960, false);
            pcm.AddRange(buffer.AsSpan(0, count * 2));
        }
        var skip = file.PreSkip / 6;
        var playable = (int)Math.Max(0, (file.LastGranule - file.PreSkip) / 6);
        var frames = Math.Min(playable, (pcm.Count / 2) - skip);
        var left = new short[frames];
        var right = new short[frames];
        for (var i = 0; i < frames; i++)
        {
            left[i] = pcm[(skip + i) * 2];
            right[i] = pcm[((skip + i) * 2) + 1];
        }
        return (left, right, file);
    }

    /// <summary>Reads a file another process (the recorder) still has open for writing.</summary>
    public static byte[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>Root mean square of <paramref name="samples"/> from <paramref name="fromSeconds"/> to <paramref name="toSeconds"/>.</summary>
    public static double Rms(short[] samples, double fromSeconds, double toSeconds)
    {
        var span = Slice(samples, fromSeconds, toSeconds);
        return Math.Sqrt(AudioAnalysis.TotalPower(span));
    }

    public static ReadOnlySpan<short> Slice(short[] samples, double fromSeconds, double toSeconds)
    {
        var from = (int)(fromSeconds * Rate);
        var to = Math.Min(samples.Length, (int)(toSeconds * Rate));
        return samples.AsSpan(from, Math.Max(0, to - from));
    }

    /// <summary>The first time after <paramref name="afterSeconds"/> where a 5 ms window is louder than <paramref name="threshold"/> RMS.</summary>
    public static double Onset(short[] samples, double afterSeconds, double threshold = 2000)
    {
        const int Window = 40;
        for (var start = (int)(afterSeconds * Rate); start + Window <= samples.Length; start += 8)
        {
            if (Math.Sqrt(AudioAnalysis.TotalPower(samples.AsSpan(start, Window))) > threshold)
            {
                return (double)start / Rate;
            }
        }
        return double.NaN;
    }
}
