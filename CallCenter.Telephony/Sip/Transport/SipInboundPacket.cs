using CallCenter.Telephony.Sip.Messages;

namespace CallCenter.Telephony.Sip.Transport;

/// <summary>
/// One received message on its way from a listener to the processing side: a UDP datagram still to be
/// parsed (<see cref="Buffer"/>, rented from <see cref="System.Buffers.ArrayPool{T}.Shared"/>, returned
/// by whoever takes the packet off the queue), or a TCP message the stream framer has parsed already
/// (<see cref="Parsed"/>).
/// </summary>
internal readonly record struct SipInboundPacket(SipEndPoint Source, byte[]? Buffer, int Length, SipParseResult Parsed)
{
    public static SipInboundPacket Datagram(SipEndPoint source, byte[] buffer, int length) => new(source, buffer, length, default);

    public static SipInboundPacket Framed(SipEndPoint source, SipParseResult parsed) => new(source, null, 0, parsed);
}
