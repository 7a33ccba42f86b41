using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace CallCenter.Telephony.Sip.Messages;

/// <summary>A From, To, Contact, Route or Record-Route value: <c>[display-name] &lt;uri&gt; *(;param)</c> or an
/// addr-spec without brackets (RFC 3261 §20.10, §25.1), or the Contact wildcard <c>*</c>.</summary>
public sealed partial class SipNameAddress
{
    private SipNameAddress()
    {
    }

    /// <summary>Makes a name-addr from a URI, an optional display name and optional parameters such as a tag.</summary>
    public SipNameAddress(SipUri uri, string? displayName = null)
    {
        ArgumentNullException.ThrowIfNull(uri);
        Uri = uri;
        DisplayName = displayName;
    }

    /// <summary>The display name, quotes removed and quoted-pairs resolved (<c>"J Rosenberg \\\""</c> →
    /// <c>J Rosenberg \"</c>); an unquoted display name with its tokens as sent; null when absent.</summary>
    public string? DisplayName { get; private set; }

    /// <summary>The URI; null only for the Contact wildcard.</summary>
    public SipUri? Uri { get; private set; }

    /// <summary>True for the Contact wildcard <c>*</c> (RFC 3261 §10.2.2).</summary>
    public bool IsWildcard { get; private set; }

    /// <summary>The header parameters after the address (tag, expires, q, lr...), values as sent.</summary>
    public SipParameterCollection Parameters { get; } = new();

    /// <summary>The <c>tag</c> parameter (RFC 3261 §19.3), or null.</summary>
    public string? Tag => Parameters["tag"];

    /// <summary>The <c>expires</c> Contact parameter in seconds, capped at 2^32-1; null when absent or malformed.</summary>
    public long? Expires => SipGrammar.TryParseDecimal(Parameters["expires"], uint.MaxValue, out var value, out var big)
        ? (big ? uint.MaxValue : (long)value) : null;

    /// <summary>The Contact wildcard <c>*</c>.</summary>
    public static SipNameAddress Wildcard { get; } = new() { IsWildcard = true };

    /// <summary>Parses a value; throws <see cref="FormatException"/> when malformed.</summary>
    public static SipNameAddress Parse(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException($"Malformed name-addr: '{text}'.");

    /// <summary>Parses a name-addr or addr-spec with parameters, or <c>*</c>; false when malformed.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out SipNameAddress? value)
    {
        value = null;
        if (text is null)
        {
            return false;
        }
        var candidate = new SipNameAddress();
        if (!TryParseCore(text, candidate, allowWildcard: true))
        {
            return false;
        }
        value = candidate;
        return true;
    }

    /// <summary>A copy with <paramref name="name"/> set among the header parameters (e.g. adding a To tag).</summary>
    public SipNameAddress WithParameter(string name, string? value)
    {
        var copy = new SipNameAddress { DisplayName = DisplayName, Uri = Uri, IsWildcard = IsWildcard };
        foreach (var (n, v) in Parameters)
        {
            copy.Parameters.Add(n, v);
        }
        copy.Parameters.Set(name, value);
        return copy;
    }

    /// <summary>The canonical form: <c>"display" &lt;uri&gt;;params</c>, always with brackets.</summary>
    public override string ToString()
    {
        if (IsWildcard)
        {
            return "*";
        }
        var builder = new StringBuilder();
        if (DisplayName is not null)
        {
            builder.Append(SipGrammar.Quote(DisplayName)).Append(' ');
        }
        builder.Append('<').Append(Uri).Append('>');
        Parameters.AppendTo(builder);
        return builder.ToString();
    }
}
