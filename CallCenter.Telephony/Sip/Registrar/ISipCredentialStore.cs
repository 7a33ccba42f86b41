namespace CallCenter.Telephony.Sip.Registrar;

/// <summary>
/// Port: the credentials of SIP users. Implemented by Core from the agents; answers from memory on
/// the hot path (it is asked for every authenticated REGISTER), so implementations cache.
/// </summary>
public interface ISipCredentialStore
{
    /// <summary>The credentials of <paramref name="user"/> in <paramref name="realm"/>, or null when unknown or inactive.</summary>
    ValueTask<SipCredentials?> FindAsync(string user, string realm, CancellationToken cancellationToken);
}
