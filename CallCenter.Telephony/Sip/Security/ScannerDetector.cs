using Microsoft.Extensions.Options;

namespace CallCenter.Telephony.Sip.Security;

/// <summary>Recognises the User-Agent strings of well-known SIP scanning tools (SIPVicious and its kin).</summary>
public sealed class ScannerDetector(IOptionsMonitor<SipSecurityOptions> options)
{
    /// <summary>True when <paramref name="userAgent"/> contains one of the configured scanner fragments.</summary>
    public bool IsScanner(string? userAgent)
    {
        if (string.IsNullOrEmpty(userAgent))
        {
            return false;
        }
        foreach (var fragment in options.CurrentValue.ScannerUserAgents)
        {
            if (fragment.Length > 0 && userAgent.Contains(fragment, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }
}
