using System.Buffers.Binary;

namespace CallCenter.Telephony.Rtp;

/// <summary>An RFC 4733 §2.3 telephone-event payload: event, end bit, volume and duration.</summary>
public readonly struct TelephoneEvent
{
    /// <summary>The payload length.</summary>
    public const int Length = 4;

    /// <summary>The event code: 0-9 digits, 10 '*', 11 '#', 12-15 A-D, 16 flash (RFC 4733 §3.2).</summary>
    public byte Event { get; init; }

    /// <summary>The E bit: the last packets of the event (sent three times, RFC 4733 §2.5.1.4).</summary>
    public bool End { get; init; }

    /// <summary>The volume in -dBm0 (0-63).</summary>
    public int Volume { get; init; }

    /// <summary>The duration so far, in timestamp units.</summary>
    public ushort Duration { get; init; }

    /// <summary>The DTMF character of the event ('0'-'9', '*', '#', 'A'-'D', '!' for flash), or '\0' for others.</summary>
    public char Digit => ToDigit(Event);

    /// <summary>Reads the first event of a payload (RFC 4733 §2.3); the payload may carry more (redundancy, RFC 4733 §2.5.1.5).</summary>
    public static bool TryParse(ReadOnlySpan<byte> payload, out TelephoneEvent value)
    {
        if (payload.Length < Length)
        {
            value = default;
            return false;
        }
        value = new TelephoneEvent
        {
            Event = payload[0],
            End = (payload[1] & 0x80) != 0,
            Volume = payload[1] & 0x3F,
            Duration = BinaryPrimitives.ReadUInt16BigEndian(payload.Slice(2, 2)),
        };
        return true;
    }

    /// <summary>Writes the payload (4 bytes).</summary>
    public void Write(Span<byte> destination)
    {
        destination[0] = Event;
        destination[1] = (byte)((End ? 0x80 : 0) | (Volume & 0x3F));
        BinaryPrimitives.WriteUInt16BigEndian(destination.Slice(2, 2), Duration);
    }

    /// <summary>The event code of a DTMF character (RFC 4733 §3.2), or -1 when it is not one.</summary>
    public static int ToEventCode(char digit) => char.ToUpperInvariant(digit) switch
    {
        >= '0' and <= '9' => digit - '0',
        '*' => 10,
        '#' => 11,
        var c and >= 'A' and <= 'D' => 12 + (c - 'A'),
        _ => -1,
    };

    /// <summary>The DTMF character of an event code (RFC 4733 §3.2), '\0' when it is not a DTMF event.</summary>
    public static char ToDigit(byte code) => code switch
    {
        <= 9 => (char)('0' + code),
        10 => '*',
        11 => '#',
        >= 12 and <= 15 => (char)('A' + (code - 12)),
        16 => '!',
        _ => '\0',
    };
}
