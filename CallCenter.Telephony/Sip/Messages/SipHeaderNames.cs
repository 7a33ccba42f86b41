using System.Collections.Frozen;

namespace CallCenter.Telephony.Sip.Messages;

/// <summary>Header field names in their canonical (full) spelling, the compact forms (RFC 3261 §7.3.3, §20 and the
/// IANA registry), and which headers carry comma-separated lists (RFC 3261 §7.3.1).</summary>
public static class SipHeaderNames
{
    public const string Accept = "Accept";
    public const string AcceptEncoding = "Accept-Encoding";
    public const string AcceptLanguage = "Accept-Language";
    public const string AlertInfo = "Alert-Info";
    public const string Allow = "Allow";
    public const string AllowEvents = "Allow-Events";
    public const string AuthenticationInfo = "Authentication-Info";
    public const string Authorization = "Authorization";
    public const string CallId = "Call-ID";
    public const string CallInfo = "Call-Info";
    public const string Contact = "Contact";
    public const string ContentDisposition = "Content-Disposition";
    public const string ContentEncoding = "Content-Encoding";
    public const string ContentLanguage = "Content-Language";
    public const string ContentLength = "Content-Length";
    public const string ContentType = "Content-Type";
    public const string CSeq = "CSeq";
    public const string Date = "Date";
    public const string ErrorInfo = "Error-Info";
    public const string Event = "Event";
    public const string Expires = "Expires";
    public const string From = "From";
    public const string Identity = "Identity";
    public const string InReplyTo = "In-Reply-To";
    public const string MaxForwards = "Max-Forwards";
    public const string MimeVersion = "MIME-Version";
    public const string MinExpires = "Min-Expires";
    public const string Organization = "Organization";
    public const string Path = "Path";
    public const string Priority = "Priority";
    public const string ProxyAuthenticate = "Proxy-Authenticate";
    public const string ProxyAuthorization = "Proxy-Authorization";
    public const string ProxyRequire = "Proxy-Require";
    public const string RecordRoute = "Record-Route";
    public const string ReferredBy = "Referred-By";
    public const string ReferTo = "Refer-To";
    public const string ReplyTo = "Reply-To";
    public const string Require = "Require";
    public const string RetryAfter = "Retry-After";
    public const string Route = "Route";
    public const string Server = "Server";
    public const string SessionExpires = "Session-Expires";
    public const string Subject = "Subject";
    public const string SubscriptionState = "Subscription-State";
    public const string Supported = "Supported";
    public const string Timestamp = "Timestamp";
    public const string To = "To";
    public const string Unsupported = "Unsupported";
    public const string UserAgent = "User-Agent";
    public const string Via = "Via";
    public const string Warning = "Warning";
    public const string WwwAuthenticate = "WWW-Authenticate";

    private static readonly string[] s_known =
    [
        Accept, AcceptEncoding, AcceptLanguage, AlertInfo, Allow, AllowEvents, AuthenticationInfo, Authorization,
        CallId, CallInfo, Contact, ContentDisposition, ContentEncoding, ContentLanguage, ContentLength, ContentType,
        CSeq, Date, ErrorInfo, Event, Expires, From, Identity, InReplyTo, MaxForwards, MimeVersion, MinExpires,
        Organization, Path, Priority, ProxyAuthenticate, ProxyAuthorization, ProxyRequire, RecordRoute, ReferredBy,
        ReferTo, ReplyTo, Require, RetryAfter, Route, Server, SessionExpires, Subject, SubscriptionState, Supported,
        Timestamp, To, Unsupported, UserAgent, Via, Warning, WwwAuthenticate,
    ];

    // RFC 3261 §7.3.3 and the IANA "Header Fields" registry compact forms.
    private static readonly (string Compact, string Full)[] s_compact =
    [
        ("i", CallId), ("m", Contact), ("f", From), ("t", To), ("v", Via), ("l", ContentLength), ("c", ContentType),
        ("e", ContentEncoding), ("k", Supported), ("s", Subject), ("o", Event), ("u", AllowEvents), ("r", ReferTo),
        ("b", ReferredBy), ("x", SessionExpires), ("y", Identity), ("a", "Accept-Contact"), ("j", "Reject-Contact"),
        ("d", "Request-Disposition"), ("n", "Identity-Info"),
    ];

    // RFC 3261 §7.3.1: headers whose grammar is a comma-separated list. The authentication headers, Date, Retry-After,
    // Subject and the like contain commas that do not separate values and are never split.
    private static readonly string[] s_lists =
    [
        Accept, AcceptEncoding, AcceptLanguage, AlertInfo, Allow, AllowEvents, CallInfo, Contact, ContentEncoding,
        ContentLanguage, ErrorInfo, InReplyTo, Path, ProxyRequire, RecordRoute, Require, Route, Supported,
        Unsupported, Via, Warning, "Accept-Contact", "Reject-Contact", "Request-Disposition",
    ];

    private static readonly FrozenDictionary<string, string> s_canonical = BuildCanonical();
    private static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> s_canonicalLookup =
        s_canonical.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string> s_listSet = s_lists.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The canonical spelling of a header name: the full name for a compact form (<c>i</c> → <c>Call-ID</c>),
    /// the registered capitalisation of a known name (<c>cseq</c> → <c>CSeq</c>), the name as given otherwise.</summary>
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return s_canonical.TryGetValue(name, out var canonical) ? canonical : name;
    }

    /// <summary>True when the header's grammar is a comma-separated list, so <c>Via: a, b</c> holds two values.</summary>
    public static bool AllowsList(string name) => s_listSet.Contains(Normalize(name));

    /// <summary>The canonical name for a known or compact name, without allocating; null when the name is unknown.</summary>
    internal static string? TryGetCanonical(ReadOnlySpan<char> name) =>
        s_canonicalLookup.TryGetValue(name, out var canonical) ? canonical : null;

    internal static bool IsList(string canonicalName) => s_listSet.Contains(canonicalName);

    private static FrozenDictionary<string, string> BuildCanonical()
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in s_known)
        {
            map[name] = name;
        }
        foreach (var (compact, full) in s_compact)
        {
            map[compact] = full;
            map.TryAdd(full, full);
        }
        return map.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
