namespace CallCenter.Telephony.Sip.Registrar;

/// <summary>
/// The credential store of a host that supplies none (the engine alone, without Core): it knows no user,
/// so every REGISTER is challenged and refused. Core replaces it with the agents' credentials.
/// </summary>
public sealed class EmptySipCredentialStore : ISipCredentialStore
{
    /// <inheritdoc />
    public ValueTask<SipCredentials?> FindAsync(string user, string realm, CancellationToken cancellationToken) =>
        ValueTask.FromResult<SipCredentials?>(null);
}
