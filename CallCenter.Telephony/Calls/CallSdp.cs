using System.Globalization;
using System.Text;

namespace CallCenter.Telephony.Calls;

/// <summary>
/// The little SDP the B2BUA writes itself (RFC 4566, offer/answer RFC 3264) until the media branch's
/// SDP types are merged: the echo answer and the direction of a hold answer.
/// </summary>
public static class CallSdp
{
    /// <summary>
    /// Answers <paramref name="offer"/> for one audio stream at <paramref name="host"/>:<paramref name="port"/>:
    /// PCMA or PCMU (the first of them the offer lists), telephone-event when offered, the direction reflected.
    /// </summary>
    public static byte[] Answer(string offer, string host, int port)
    {
        ArgumentNullException.ThrowIfNull(offer);
        var formats = AudioFormats(offer);
        var codec = formats.FirstOrDefault(f => f is "0" or "8") ?? "8";
        var events = Rtpmap(offer, "telephone-event");
        var builder = new StringBuilder();
        var session = Environment.TickCount64.ToString(CultureInfo.InvariantCulture);
        builder.Append("v=0\r\n")
            .Append("o=callcenter ").Append(session).Append(' ').Append(session).Append(" IN IP4 ").Append(host).Append("\r\n")
            .Append("s=callcenter\r\n")
            .Append("c=IN IP4 ").Append(host).Append("\r\n")
            .Append("t=0 0\r\n")
            .Append("m=audio ").Append(port.ToString(CultureInfo.InvariantCulture)).Append(" RTP/AVP ").Append(codec);
        if (events is not null)
        {
            builder.Append(' ').Append(events);
        }
        builder.Append("\r\n")
            .Append("a=rtpmap:").Append(codec).Append(codec == "0" ? " PCMU/8000" : " PCMA/8000").Append("\r\n");
        if (events is not null)
        {
            builder.Append("a=rtpmap:").Append(events).Append(" telephone-event/8000\r\n");
        }
        builder.Append("a=").Append(ReflectDirection(offer)).Append("\r\n");
        return Encoding.ASCII.GetBytes(builder.ToString());
    }

    /// <summary>The telephone-event payload type <paramref name="offer"/> lists (RFC 4733 §7.1.1), or -1 when it has none.</summary>
    public static int TelephoneEventPayloadType(string offer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        return int.TryParse(Rtpmap(offer, "telephone-event"), NumberStyles.None, CultureInfo.InvariantCulture, out var payloadType) ? payloadType : -1;
    }

    /// <summary>
    /// <paramref name="sdp"/> (what we last gave a leg) with its direction set to answer <paramref name="offer"/>
    /// (RFC 3264 §6.1: sendonly → recvonly, recvonly → sendonly, inactive → inactive), for a hold re-INVITE.
    /// </summary>
    public static byte[] WithDirectionFor(ReadOnlyMemory<byte> sdp, string offer)
    {
        var lines = Encoding.ASCII.GetString(sdp.Span).Split("\r\n").Where(l => l is not ("a=sendrecv" or "a=sendonly" or "a=recvonly" or "a=inactive") && l.Length > 0);
        return Encoding.ASCII.GetBytes(string.Join("\r\n", lines) + "\r\na=" + ReflectDirection(offer) + "\r\n");
    }

    /// <summary>The answer's direction for an offer's (RFC 3264 §6.1).</summary>
    public static string ReflectDirection(string offer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        if (offer.Contains("a=sendonly", StringComparison.Ordinal))
        {
            return "recvonly";
        }
        if (offer.Contains("a=recvonly", StringComparison.Ordinal))
        {
            return "sendonly";
        }
        // RFC 3264 §8.4: c=0.0.0.0 is the old (RFC 2543) way of putting a stream on hold.
        return offer.Contains("a=inactive", StringComparison.Ordinal) || offer.Contains("c=IN IP4 0.0.0.0", StringComparison.Ordinal)
            ? "inactive"
            : "sendrecv";
    }

    private static string[] AudioFormats(string sdp)
    {
        foreach (var line in sdp.Split('\n'))
        {
            var trimmed = line.TrimEnd('\r');
            if (trimmed.StartsWith("m=audio ", StringComparison.Ordinal))
            {
                return trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(3).ToArray();
            }
        }
        return [];
    }

    private static string? Rtpmap(string sdp, string encoding)
    {
        foreach (var line in sdp.Split('\n'))
        {
            var trimmed = line.TrimEnd('\r');
            if (trimmed.StartsWith("a=rtpmap:", StringComparison.Ordinal)
                && trimmed.Contains(" " + encoding + "/", StringComparison.OrdinalIgnoreCase))
            {
                return trimmed["a=rtpmap:".Length..trimmed.IndexOf(' ', StringComparison.Ordinal)];
            }
        }
        return null;
    }
}
