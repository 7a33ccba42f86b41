using System.Globalization;

namespace CallCenter.Telephony.Sip.Messages;

// Typed accessors: parsed from the header values on first use and cached until the headers change. A value that does
// not parse throws FormatException; the parser has validated those it checks (Via, From, To, CSeq, Contact, Route...)
// before a message is handed out, so that only happens for values set afterwards.
public abstract partial class SipMessage
{
    private Cache<IReadOnlyList<SipVia>> _vias;
    private Cache<SipVia?> _topVia;
    private Cache<SipNameAddress?> _from;
    private Cache<SipNameAddress?> _to;
    private Cache<SipCSeq?> _cseq;
    private Cache<IReadOnlyList<SipNameAddress>> _contacts;
    private Cache<IReadOnlyList<SipNameAddress>> _route;
    private Cache<IReadOnlyList<SipNameAddress>> _recordRoute;
    private Cache<SipMediaType?> _contentType;
    private Cache<IReadOnlyList<SipMediaType>> _accept;

    /// <summary>The Via values, top first (RFC 3261 §20.42).</summary>
    public IReadOnlyList<SipVia> Vias => Get(ref _vias, static m => m.Headers.GetAll(SipHeaderNames.Via).Select(SipVia.Parse).ToArray());

    /// <summary>The top Via, or null when there is none.</summary>
    public SipVia? TopVia => Get(ref _topVia, static m => m.Headers.Get(SipHeaderNames.Via) is { } v ? SipVia.Parse(v) : null);

    /// <summary>The From header (RFC 3261 §20.20), or null when absent.</summary>
    public SipNameAddress? From => Get(ref _from, static m => ParseNameAddress(m.Headers.Get(SipHeaderNames.From)));

    /// <summary>The To header (RFC 3261 §20.39), or null when absent.</summary>
    public SipNameAddress? To => Get(ref _to, static m => ParseNameAddress(m.Headers.Get(SipHeaderNames.To)));

    /// <summary>The Call-ID (RFC 3261 §20.8), or null when absent.</summary>
    public string? CallId => Headers.Get(SipHeaderNames.CallId);

    /// <summary>The CSeq (RFC 3261 §20.16), or null when absent.</summary>
    public SipCSeq? CSeq => Get(ref _cseq, static m => m.Headers.Get(SipHeaderNames.CSeq) is { } v ? ParseCSeq(v) : null);

    /// <summary>Max-Forwards (0..255), or null when absent.</summary>
    public int? MaxForwards => (int?)ParseNumber(SipHeaderNames.MaxForwards, 255);

    /// <summary>Expires in seconds (0..2^32-1), or null when absent.</summary>
    public long? Expires => ParseNumber(SipHeaderNames.Expires, uint.MaxValue);

    /// <summary>The (first) Content-Length as sent, or null when absent. Written messages carry the body's length.</summary>
    public int? ContentLength => (int?)ParseNumber(SipHeaderNames.ContentLength, int.MaxValue);

    /// <summary>The Content-Type, or null when absent.</summary>
    public SipMediaType? ContentType => Get(ref _contentType,
        static m => m.Headers.Get(SipHeaderNames.ContentType) is { } v ? SipMediaType.Parse(v) : null);

    /// <summary>The Contact values in order; a wildcard is <see cref="SipNameAddress.IsWildcard"/>.</summary>
    public IReadOnlyList<SipNameAddress> Contacts => Get(ref _contacts, static m => ParseList(m, SipHeaderNames.Contact));

    /// <summary>The Route values in order.</summary>
    public IReadOnlyList<SipNameAddress> Route => Get(ref _route, static m => ParseList(m, SipHeaderNames.Route));

    /// <summary>The Record-Route values in order.</summary>
    public IReadOnlyList<SipNameAddress> RecordRoute => Get(ref _recordRoute, static m => ParseList(m, SipHeaderNames.RecordRoute));

    /// <summary>The option tags of Require (RFC 3261 §20.32).</summary>
    public IReadOnlyList<string> Require => Headers.GetAll(SipHeaderNames.Require).Where(v => v.Length > 0).ToArray();

    /// <summary>The option tags of Supported (RFC 3261 §20.37).</summary>
    public IReadOnlyList<string> Supported => Headers.GetAll(SipHeaderNames.Supported).Where(v => v.Length > 0).ToArray();

    /// <summary>The media types of Accept (RFC 3261 §20.1); empty when absent or empty.</summary>
    public IReadOnlyList<SipMediaType> Accept => Get(ref _accept, static m => m.Headers.GetAll(SipHeaderNames.Accept)
        .Where(v => v.Length > 0).Select(SipMediaType.Parse).ToArray());

    private T Get<T>(ref Cache<T> cache, Func<SipMessage, T> factory)
    {
        // Version + 1 so that a default (never filled) cache never matches.
        if (cache.Version != Headers.Version + 1)
        {
            cache = new Cache<T>(Headers.Version + 1, factory(this));
        }
        return cache.Value;
    }

    private long? ParseNumber(string name, ulong max)
    {
        if (Headers.Get(name) is not { } value)
        {
            return null;
        }
        if (!SipGrammar.TryParseDecimal(value.AsSpan().Trim(), max, out var number, out var outOfRange) || outOfRange)
        {
            throw new FormatException($"Malformed {name}: '{value}'.");
        }
        return (long)number;
    }

    private static SipNameAddress? ParseNameAddress(string? value) => value is null ? null : SipNameAddress.Parse(value);

    private static IReadOnlyList<SipNameAddress> ParseList(SipMessage message, string name) =>
        message.Headers.GetAll(name).Select(SipNameAddress.Parse).ToArray();

    internal static SipCSeq ParseCSeq(string value)
    {
        var s = value.AsSpan().Trim();
        var space = s.IndexOfAny(' ', '\t');
        if (space <= 0 || !uint.TryParse(s[..space], NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            throw new FormatException($"Malformed CSeq: '{value}'.");
        }
        return new SipCSeq(number, s[space..].Trim().ToString());
    }

    private readonly record struct Cache<T>(int Version, T Value);
}
