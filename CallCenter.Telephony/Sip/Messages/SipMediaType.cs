using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace CallCenter.Telephony.Sip.Messages;

/// <summary>A media type as in Content-Type and Accept: <c>type/subtype *(;parameter)</c> (RFC 3261 §20.1, §20.15).</summary>
public sealed class SipMediaType
{
    private SipMediaType(string type, string subtype)
    {
        Type = type;
        Subtype = subtype;
    }

    /// <summary>The type, e.g. <c>application</c>, or <c>*</c> in Accept.</summary>
    public string Type { get; }

    /// <summary>The subtype, e.g. <c>sdp</c>, or <c>*</c> in Accept.</summary>
    public string Subtype { get; }

    /// <summary><c>type/subtype</c> as sent.</summary>
    public string MediaType => Type + "/" + Subtype;

    /// <summary>The parameters, e.g. <c>boundary</c> of a multipart body.</summary>
    public SipParameterCollection Parameters { get; } = new();

    /// <summary>True when this type (which may hold <c>*</c> wildcards, as in Accept) covers
    /// <paramref name="type"/>/<paramref name="subtype"/>; case-insensitive.</summary>
    public bool Matches(string type, string subtype) =>
        (Type == "*" || Type.Equals(type, StringComparison.OrdinalIgnoreCase))
        && (Subtype == "*" || Subtype.Equals(subtype, StringComparison.OrdinalIgnoreCase));

    /// <summary>Parses a media type; false when malformed.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out SipMediaType? mediaType)
    {
        mediaType = null;
        if (text is null || !TryParseCore(text, out var type, out var subtype, out var paramsStart))
        {
            return false;
        }
        var candidate = new SipMediaType(type.ToString(), subtype.ToString());
        var i = paramsStart;
        if (!SipGrammar.TryReadGenericParams(text, ref i, candidate.Parameters))
        {
            return false;
        }
        mediaType = candidate;
        return true;
    }

    /// <summary>Parses a media type; throws <see cref="FormatException"/> when malformed.</summary>
    public static SipMediaType Parse(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException($"Malformed media type: '{text}'.");

    /// <summary><c>type/subtype;params</c>.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder(MediaType);
        Parameters.AppendTo(builder);
        return builder.ToString();
    }

    /// <summary>Validates <c>m-type SLASH m-subtype *(SEMI m-parameter)</c> without allocating.</summary>
    internal static bool TryParseCore(ReadOnlySpan<char> s, out ReadOnlySpan<char> type, out ReadOnlySpan<char> subtype,
        out int paramsStart)
    {
        subtype = default;
        paramsStart = 0;
        var i = 0;
        SipGrammar.SkipLws(s, ref i);
        if (!SipGrammar.TryReadToken(s, ref i, out type))
        {
            return false;
        }
        SipGrammar.SkipLws(s, ref i);
        if (i >= s.Length || s[i] != '/')
        {
            return false;
        }
        i++;
        SipGrammar.SkipLws(s, ref i);
        if (!SipGrammar.TryReadToken(s, ref i, out subtype))
        {
            return false;
        }
        paramsStart = i;
        if (!SipGrammar.TryReadGenericParams(s, ref i, null))
        {
            return false;
        }
        SipGrammar.SkipLws(s, ref i);
        return i == s.Length;
    }
}
