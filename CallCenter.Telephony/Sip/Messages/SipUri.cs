using System.Diagnostics.CodeAnalysis;

namespace CallCenter.Telephony.Sip.Messages;

/// <summary>A SIP or SIPS URI (RFC 3261 §19.1), or any other absolute URI kept as sent so that a UAS can answer 416
/// Unsupported URI Scheme (RFC 3261 §8.2.2.1). <see cref="ToString"/> returns the URI exactly as sent.</summary>
public sealed partial class SipUri
{
    private readonly string _text;

    private SipUri(string text)
    {
        _text = text;
        Scheme = string.Empty;
        Host = string.Empty;
    }

    /// <summary>The scheme as sent, e.g. <c>sip</c>, <c>sips</c>, <c>tel</c>.</summary>
    public string Scheme { get; private set; }

    /// <summary>True for the <c>sip</c> and <c>sips</c> schemes (case-insensitive); the other members below are only
    /// filled for these.</summary>
    public bool IsSip { get; private set; }

    /// <summary>True for <c>sips</c>.</summary>
    public bool IsSecure => IsSip && Scheme.Length == 4;

    /// <summary>True for a scheme other than sip/sips: the URI is kept as an absolute URI (<see cref="ToString"/>).</summary>
    public bool IsAbsolute => !IsSip;

    /// <summary>The user part with %HH escapes resolved (<c>%75se%72</c> → <c>user</c>, <c>%00</c> → NUL); null when
    /// there is no user part.</summary>
    public string? User => RawUser is null ? null : SipGrammar.Unescape(RawUser);

    /// <summary>The user part as sent, escapes included.</summary>
    public string? RawUser { get; private set; }

    /// <summary>The password as sent (RFC 3261 §19.1.1 discourages it); null when absent.</summary>
    public string? Password { get; private set; }

    /// <summary>The host as sent: a host name, an IPv4 address or an IPv6 reference in brackets.</summary>
    public string Host { get; private set; }

    /// <summary>The port, or null when absent.</summary>
    public int? Port { get; private set; }

    /// <summary>The URI parameters (transport, lr, maddr, user, ...), values as sent (escaped).</summary>
    public SipParameterCollection Parameters { get; } = new();

    /// <summary>The headers part after <c>?</c>, as sent (escaped); null when absent.</summary>
    public string? Headers { get; private set; }

    /// <summary>For a non-SIP URI, everything after the first colon; for a SIP URI, empty.</summary>
    public string SchemeSpecificPart { get; private set; } = string.Empty;

    /// <summary>The <c>transport</c> parameter, or null.</summary>
    public string? Transport => Parameters["transport"];

    /// <summary>True when the <c>lr</c> parameter is present (RFC 3261 §16.12 loose routing).</summary>
    public bool IsLooseRouter => Parameters.Contains("lr");

    /// <summary>The <c>maddr</c> parameter, or null.</summary>
    public string? MAddr => Parameters["maddr"];

    /// <summary>The <c>user</c> parameter (e.g. <c>phone</c>), or null.</summary>
    public string? UserParameter => Parameters["user"];

    /// <summary>Parses a URI; throws <see cref="FormatException"/> when malformed.</summary>
    public static SipUri Parse(string text) =>
        TryParse(text, out var uri) ? uri : throw new FormatException($"Malformed URI: '{text}'.");

    /// <summary>Parses a SIP/SIPS URI or any other absolute URI; false when malformed.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out SipUri? uri)
    {
        uri = null;
        if (text is null)
        {
            return false;
        }
        var candidate = new SipUri(text);
        if (!TryParseCore(text, candidate, out _))
        {
            return false;
        }
        uri = candidate;
        return true;
    }

    /// <summary>Makes a <c>sip:</c> (or <c>sips:</c>) URI from its parts; <paramref name="user"/> is escaped as needed.</summary>
    public static SipUri Create(string? user, string host, int? port = null, bool secure = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        var text = (secure ? "sips:" : "sip:") + (user is null ? string.Empty : Escape(user) + "@") + host
            + (port is null ? string.Empty : ":" + port.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return Parse(text);
    }

    /// <summary>A copy of this URI with <paramref name="name"/> set (appended or replaced) among the URI parameters.</summary>
    public SipUri WithParameter(string name, string? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!IsSip)
        {
            throw new InvalidOperationException("Only SIP URIs have parameters.");
        }
        var parameters = new SipParameterCollection();
        foreach (var (n, v) in Parameters)
        {
            parameters.Add(n, v);
        }
        parameters.Set(name, value);
        var text = Scheme + ":" + (RawUser is null ? string.Empty : RawUser + (Password is null ? string.Empty : ":" + Password) + "@")
            + Host + (Port is null ? string.Empty : ":" + Port.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))
            + parameters + (Headers is null ? string.Empty : "?" + Headers);
        return Parse(text);
    }

    /// <summary>The URI exactly as sent.</summary>
    public override string ToString() => _text;

    /// <summary>True when <paramref name="obj"/> is a URI with the same text.</summary>
    public override bool Equals(object? obj) => obj is SipUri other && other._text == _text;

    /// <inheritdoc />
    public override int GetHashCode() => _text.GetHashCode(StringComparison.Ordinal);

    private static string Escape(string user)
    {
        var builder = new System.Text.StringBuilder(user.Length);
        foreach (var b in System.Text.Encoding.UTF8.GetBytes(user))
        {
            var c = (char)b;
            if (b < 0x80 && (SipGrammar.IsUnreserved(c) || c is '&' or '=' or '+' or '$' or ',' or ';' or '?' or '/'))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return builder.ToString();
    }
}
