namespace CallCenter.Telephony.Sip.Auth;

/// <summary>What <see cref="DigestAuthenticator"/> decided about a request.</summary>
/// <param name="Status">The verdict.</param>
/// <param name="User">The user name the credentials claimed (authenticated only when <see cref="Status"/> says so).</param>
/// <param name="FailureReason">Why it failed, for the security log; never sent to the client.</param>
/// <param name="Challenges">WWW-Authenticate values for a 401 (empty when authenticated), most preferred first.</param>
public sealed record DigestAuthResult(DigestAuthStatus Status, string? User, string? FailureReason, IReadOnlyList<string> Challenges)
{
    public bool IsAuthenticated => Status == DigestAuthStatus.Authenticated;
}
