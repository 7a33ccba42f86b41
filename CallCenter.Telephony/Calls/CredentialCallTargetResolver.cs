using CallCenter.Telephony.Sip.Auth;
using CallCenter.Telephony.Sip.Registrar;

using Microsoft.Extensions.Options;

namespace CallCenter.Telephony.Calls;

/// <summary>
/// The default <see cref="ICallTargetResolver"/>: the echo number from <see cref="CallOptions"/>, any user
/// with SIP credentials is an extension, everything else is unknown.
/// </summary>
public sealed class CredentialCallTargetResolver(
    ISipCredentialStore credentials, DigestAuthenticator authenticator, IOptionsMonitor<CallOptions> options) : ICallTargetResolver
{
    /// <inheritdoc />
    public async ValueTask<CallTarget> ResolveAsync(string number, string? caller, CancellationToken cancellationToken)
    {
        if (string.Equals(number, options.CurrentValue.EchoNumber, StringComparison.Ordinal))
        {
            return new CallTarget(CallTargetKind.Echo);
        }
        var found = await credentials.FindAsync(number, authenticator.Realm, cancellationToken).ConfigureAwait(false);
        return found is null ? CallTarget.NotFound : new CallTarget(CallTargetKind.Extension, number);
    }
}
