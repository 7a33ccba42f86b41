using System.Collections.Concurrent;

using CallCenter.Telephony.Sip.Auth;
using CallCenter.Telephony.Sip.Registrar;

namespace CallCenter.Tests.Sip.Registrar;

/// <summary>A test credential store: users added with a password, kept only as HA1 values like the real one.</summary>
internal sealed class InMemoryCredentialStore : ISipCredentialStore
{
    private readonly ConcurrentDictionary<string, SipCredentials> _users = new(StringComparer.Ordinal);

    public int Lookups;

    public InMemoryCredentialStore Add(string user, string password, string realm = TestSipServer.Realm)
    {
        _users[user] = new SipCredentials(
            user, realm, DigestHash.Ha1(DigestAlgorithm.Md5, user, realm, password), DigestHash.Ha1(DigestAlgorithm.Sha256, user, realm, password));
        return this;
    }

    public ValueTask<SipCredentials?> FindAsync(string user, string realm, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Lookups);
        return ValueTask.FromResult(_users.TryGetValue(user, out var c) && c.Realm == realm ? c : null);
    }
}
