using System.Net;
using System.Text.RegularExpressions;

namespace CallCenter.Tests.Support;

/// <summary>Reads what a browser would take from a server-rendered form.</summary>
public static partial class HtmlForms
{
    public static string AntiforgeryToken(string html)
    {
        foreach (Match input in InputTag().Matches(html))
        {
            if (input.Value.Contains("name=\"__RequestVerificationToken\"", StringComparison.Ordinal))
            {
                return WebUtility.HtmlDecode(ValueAttribute().Match(input.Value).Groups[1].Value);
            }
        }
        throw new InvalidOperationException("No antiforgery token in the page.");
    }

    [GeneratedRegex("<input[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InputTag();

    [GeneratedRegex("value=\"([^\"]*)\"")]
    private static partial Regex ValueAttribute();
}
