using System.Text.RegularExpressions;

namespace CallCenter.Core.Services.Customers;

/// <summary>Limits of a customer's fields (the column sizes) and the phone-number normalisation.</summary>
public static partial class CustomerRules
{
    public const int NameMaxLength = 100;
    public const int CompanyMaxLength = 200;
    public const int AddressMaxLength = 500;
    public const int EmailMaxLength = 256;
    public const int TagsMaxLength = 500;
    public const int NotesMaxLength = 2000;
    public const int PhoneMinDigits = 5;
    public const int PhoneMaxDigits = 20;

    /// <summary>Largest page of a search.</summary>
    public const int MaxPageSize = 200;

    /// <summary>Most rows of each kind a history returns.</summary>
    public const int MaxHistory = 500;

    private static readonly char[] TagSeparators = [',', '，', ';', '；', '、'];

    /// <summary>
    /// The digits of a number as people write it ("138-0013 8000", "(021) 5888 1234", "+86 138..."): spaces,
    /// dashes, dots, brackets and a leading '+' are dropped. Null when anything else is in it or no digit is.
    /// Numbers are stored and matched as these digits, as the caller id arrives.
    /// </summary>
    public static string? NormalizeNumber(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var trimmed = text.Trim();
        if (trimmed.StartsWith('+'))
        {
            trimmed = trimmed[1..];
        }
        var digits = new System.Text.StringBuilder(trimmed.Length);
        foreach (var c in trimmed)
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (c is not (' ' or '-' or '.' or '(' or ')' or '\u3000' or '（' or '）'))
            {
                return null;
            }
        }
        return digits.Length == 0 ? null : digits.ToString();
    }

    /// <summary>Tags as stored: trimmed, without duplicates, comma separated; null when none.</summary>
    public static string? NormalizeTags(string? tags)
    {
        var list = SplitTags(tags);
        return list.Count == 0 ? null : string.Join(',', list);
    }

    /// <summary>The tags of a stored (or typed) tag text; Chinese and ASCII separators both count.</summary>
    public static IReadOnlyList<string> SplitTags(string? tags) =>
        (tags ?? "").Split(TagSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal).ToList();

    /// <summary>A plain e-mail shape: something@host.tld, no spaces. Delivery is what really checks it.</summary>
    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s.]+$")]
    public static partial Regex Email();
}
