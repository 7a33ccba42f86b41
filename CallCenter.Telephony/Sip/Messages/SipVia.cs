using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace CallCenter.Telephony.Sip.Messages;

/// <summary>One Via value (RFC 3261 §20.42, §25.1 via-parm): sent-protocol, sent-by and parameters.
/// <c>SIP / 2.0 / UDP</c> with white space around the slashes is legal (SLASH = SWS "/" SWS).</summary>
public sealed class SipVia
{
    /// <summary>The magic cookie that starts an RFC 3261 branch (§8.1.1.7).</summary>
    public const string MagicCookie = "z9hG4bK";

    private SipVia()
    {
    }

    /// <summary>Makes a Via for sending: <c>SIP/2.0/{transport} host[:port];branch=...</c>.</summary>
    public SipVia(string transport, string host, int? port, string branch)
    {
        ArgumentException.ThrowIfNullOrEmpty(transport);
        ArgumentException.ThrowIfNullOrEmpty(host);
        Transport = transport.ToUpperInvariant();
        Host = host;
        Port = port;
        Parameters.Add("branch", branch);
    }

    /// <summary>The protocol name, normally <c>SIP</c>.</summary>
    public string ProtocolName { get; private set; } = "SIP";

    /// <summary>The protocol version, normally <c>2.0</c>.</summary>
    public string ProtocolVersion { get; private set; } = "2.0";

    /// <summary>The transport as sent, e.g. <c>UDP</c>, <c>TCP</c>, <c>TLS</c>, <c>SCTP</c>, <c>WS</c>, or unknown.</summary>
    public string Transport { get; private set; } = "UDP";

    /// <summary>The sent-by host: a host name, an IPv4 address or an IPv6 reference in brackets.</summary>
    public string Host { get; private set; } = string.Empty;

    /// <summary>The sent-by port, or null when absent.</summary>
    public int? Port { get; private set; }

    /// <summary>The parameters in order (branch, received, rport, maddr, ttl, extensions).</summary>
    public SipParameterCollection Parameters { get; } = new();

    /// <summary>The <c>branch</c> parameter, or null (RFC 2543 peers may omit it).</summary>
    public string? Branch => Parameters["branch"];

    /// <summary>True when the branch starts with the RFC 3261 magic cookie <c>z9hG4bK</c> (§17.2.3).</summary>
    public bool HasRfc3261Branch => Branch is { } branch && branch.StartsWith(MagicCookie, StringComparison.Ordinal);

    /// <summary>The <c>received</c> parameter, or null.</summary>
    public string? Received => Parameters["received"];

    /// <summary>True when the <c>rport</c> parameter is present, with or without value (RFC 3581).</summary>
    public bool HasRPort => Parameters.Contains("rport");

    /// <summary>The <c>rport</c> value, or null when absent or without value (RFC 3581).</summary>
    public int? RPort => int.TryParse(Parameters["rport"], NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : null;

    /// <summary>The <c>maddr</c> parameter, or null.</summary>
    public string? MAddr => Parameters["maddr"];

    /// <summary>Parses one Via value; throws <see cref="FormatException"/> when malformed.</summary>
    public static SipVia Parse(string text) =>
        TryParse(text, out var via) ? via : throw new FormatException($"Malformed Via: '{text}'.");

    /// <summary>Parses one Via value (not a comma-separated list); false when malformed.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out SipVia? via)
    {
        via = null;
        if (text is null)
        {
            return false;
        }
        var candidate = new SipVia();
        if (!TryParseCore(text, candidate))
        {
            return false;
        }
        via = candidate;
        return true;
    }

    /// <summary>The canonical form: <c>SIP/2.0/UDP host:port;params</c>.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder(64).Append(ProtocolName).Append('/').Append(ProtocolVersion).Append('/')
            .Append(Transport).Append(' ').Append(Host);
        if (Port is { } port)
        {
            builder.Append(':').Append(port.ToString(CultureInfo.InvariantCulture));
        }
        Parameters.AppendTo(builder);
        return builder.ToString();
    }

    /// <summary>Validates (and fills <paramref name="target"/> when given; allocation-free without it).</summary>
    internal static bool TryParseCore(ReadOnlySpan<char> s, SipVia? target)
    {
        var i = 0;
        SipGrammar.SkipLws(s, ref i);
        // sent-protocol = protocol-name SLASH protocol-version SLASH transport
        if (!SipGrammar.TryReadToken(s, ref i, out var name) || !TryReadSlash(s, ref i)
            || !SipGrammar.TryReadToken(s, ref i, out var version) || !TryReadSlash(s, ref i)
            || !SipGrammar.TryReadToken(s, ref i, out var transport))
        {
            return false;
        }
        var beforeLws = i;
        SipGrammar.SkipLws(s, ref i);
        if (i == beforeLws)
        {
            return false;
        }
        // sent-by = host [ COLON port ]
        var hostStart = i;
        if (i < s.Length && s[i] == '[')
        {
            while (i < s.Length && s[i] != ']')
            {
                i++;
            }
            i++;
        }
        else
        {
            while (i < s.Length && (SipGrammar.IsAlphaNum(s[i]) || s[i] is '-' or '.'))
            {
                i++;
            }
        }
        if (i > s.Length)
        {
            return false;
        }
        var hostEnd = i;
        var save = i;
        SipGrammar.SkipLws(s, ref i);
        if (i < s.Length && s[i] == ':')
        {
            i++;
            SipGrammar.SkipLws(s, ref i);
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }
        }
        else
        {
            i = save;
        }
        var hostPort = RemoveLws(s[hostStart..i], stackalloc char[Math.Min(i - hostStart, 512)]);
        if (!SipUri.TryParseHostPort(hostPort, out var host, out var port))
        {
            return false;
        }
        _ = hostEnd;
        if (target is not null)
        {
            target.ProtocolName = name.ToString();
            target.ProtocolVersion = version.ToString();
            target.Transport = transport.ToString();
            target.Host = host.ToString();
            target.Port = port;
        }
        if (!SipGrammar.TryReadGenericParams(s, ref i, target?.Parameters))
        {
            return false;
        }
        SipGrammar.SkipLws(s, ref i);
        return i == s.Length;
    }

    private static bool TryReadSlash(ReadOnlySpan<char> s, ref int i)
    {
        SipGrammar.SkipLws(s, ref i);
        if (i >= s.Length || s[i] != '/')
        {
            return false;
        }
        i++;
        SipGrammar.SkipLws(s, ref i);
        return true;
    }

    private static ReadOnlySpan<char> RemoveLws(ReadOnlySpan<char> s, Span<char> buffer)
    {
        if (s.IndexOfAny(' ', '\t') < 0 || s.Length > buffer.Length)
        {
            return s;
        }
        var n = 0;
        foreach (var c in s)
        {
            if (!SipGrammar.IsLws(c))
            {
                buffer[n++] = c;
            }
        }
        return buffer[..n];
    }
}
