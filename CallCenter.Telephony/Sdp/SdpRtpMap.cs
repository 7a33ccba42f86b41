using System.Globalization;

namespace CallCenter.Telephony.Sdp;

/// <summary>An a=rtpmap value (RFC 4566 §6): "&lt;payload type&gt; &lt;encoding name&gt;/&lt;clock rate&gt;[/&lt;channels&gt;]".</summary>
/// <param name="PayloadType">The RTP payload type (0-127).</param>
/// <param name="EncodingName">The encoding, e.g. "PCMU", "telephone-event" (compare case-insensitively).</param>
/// <param name="ClockRate">The RTP clock rate in Hz.</param>
/// <param name="Channels">The channel count when given.</param>
public sealed record SdpRtpMap(int PayloadType, string EncodingName, int ClockRate, int? Channels = null)
{
    /// <summary>Parses an a=rtpmap value.</summary>
    public static bool TryParse(string value, out SdpRtpMap? map)
    {
        map = null;
        int space = value.IndexOf(' ');
        if (space <= 0 || !int.TryParse(value.AsSpan(0, space), NumberStyles.None, CultureInfo.InvariantCulture, out int pt) || pt > 127)
        {
            return false;
        }
        string[] parts = value[(space + 1)..].Trim().Split('/');
        if (parts.Length < 2 || parts[0].Length == 0
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int rate) || rate <= 0)
        {
            return false;
        }
        int? channels = null;
        if (parts.Length > 2)
        {
            if (!int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out int ch))
            {
                return false;
            }
            channels = ch;
        }
        map = new SdpRtpMap(pt, parts[0], rate, channels);
        return true;
    }

    /// <inheritdoc/>
    public override string ToString() => Channels is { } ch
        ? string.Create(CultureInfo.InvariantCulture, $"{PayloadType} {EncodingName}/{ClockRate}/{ch}")
        : string.Create(CultureInfo.InvariantCulture, $"{PayloadType} {EncodingName}/{ClockRate}");
}
